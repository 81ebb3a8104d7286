using System.Text.Json;
using System.Text.Json.Nodes;

namespace Course.Notebooks.Running;

/// <summary>The one shape of a metrics file, written by <c>course run</c> (<c>metrics.json</c>) and the kernel (<c>COURSE_METRICS_FILE</c>).</summary>
/// <remarks>
/// <c>{ "&lt;notebook stem&gt;": { "&lt;metric&gt;": number } }</c>, notebooks and metrics sorted by name (DESIGN.md, Metrics).
/// Writing merges: notebooks already in the file and not written again keep their figures.
/// </remarks>
public static class MetricsFile
{
    private static readonly JsonSerializerOptions indented = new() { WriteIndented = true };

    /// <summary>Put <paramref name="notebooks"/>' metrics into <paramref name="path"/>, replacing those notebooks' earlier entries; returns what the file now holds.</summary>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Write(string path, IEnumerable<KeyValuePair<string, IReadOnlyDictionary<string, double>>> notebooks)
    {
        var all = Read(path).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        foreach (var (stem, metrics) in notebooks) all[stem] = metrics;
        var json = new JsonObject();
        foreach (var (stem, metrics) in all.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var entry = new JsonObject();
            foreach (var (name, value) in metrics.OrderBy(kv => kv.Key, StringComparer.Ordinal)) entry[name] = value;
            json[stem] = entry;
        }
        var temp = path + ".tmp-" + Environment.ProcessId;
        File.WriteAllText(temp, json.ToJsonString(indented) + "\n");
        File.Move(temp, path, overwrite: true);
        return new SortedDictionary<string, IReadOnlyDictionary<string, double>>(all, StringComparer.Ordinal);
    }

    /// <summary>The metrics in <paramref name="path"/> by notebook; empty when the file is missing or not in this shape.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Read(string path)
    {
        var result = new SortedDictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        JsonObject? json;
        try
        {
            json = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) as JsonObject : null;
        }
        catch (JsonException)
        {
            json = null;
        }
        foreach (var (stem, node) in json ?? [])
        {
            if (node is not JsonObject metrics) continue;
            var values = new SortedDictionary<string, double>(StringComparer.Ordinal);
            foreach (var (name, value) in metrics)
                if (value is JsonValue v && v.TryGetValue<double>(out var number)) values[name] = number;
            result[stem] = values;
        }
        return result;
    }
}
