using System.Text.Json;
using System.Text.Json.Nodes;

namespace Course.Notebooks.Document;

/// <summary>The one mapping from outputs to JSON, shared by the <c>.ipynb</c> writer and the Jupyter kernel's messages.</summary>
/// <remarks>
/// nbformat 4.5 and messaging protocol 5.3 give an output the same fields (a stream's <c>name</c> and <c>text</c>; a
/// display's <c>data</c> and <c>metadata</c>; a result's <c>execution_count</c>; an error's <c>ename</c>, <c>evalue</c>,
/// <c>traceback</c>). Files store text as a list of lines and add <c>output_type</c>; messages carry whole strings.
/// JSON MIME types (<c>application/vnd.plotly.v1+json</c>) become JSON values.
/// </remarks>
public static class OutputJson
{
    /// <summary>The fields of <paramref name="output"/> without <c>output_type</c>; text as nbformat's list of lines when <paramref name="lines"/>.</summary>
    /// <exception cref="ArgumentException">The output is an <see cref="UnknownOutput"/>, which is kept as read.</exception>
    public static JsonObject Fields(CellOutput output, bool lines) => output switch
    {
        StreamOutput s => new JsonObject { ["name"] = s.Name, ["text"] = Text(s.Text, lines) },
        DisplayDataOutput d => new JsonObject { ["data"] = Bundle(d.Data, lines), ["metadata"] = new JsonObject() },
        ExecuteResultOutput r => new JsonObject { ["data"] = Bundle(r.Data, lines), ["execution_count"] = r.ExecutionCount, ["metadata"] = new JsonObject() },
        ErrorOutput e => new JsonObject
        {
            ["ename"] = e.EName, ["evalue"] = e.EValue, ["traceback"] = new JsonArray(e.Traceback.Select(t => (JsonNode?)t).ToArray()),
        },
        _ => throw new ArgumentException($"{output.GetType().Name} has no fixed fields; write its JSON as read.", nameof(output)),
    };

    /// <summary>nbformat's <c>output_type</c> of <paramref name="output"/>.</summary>
    public static string OutputType(CellOutput output) => output switch
    {
        StreamOutput => "stream",
        DisplayDataOutput => "display_data",
        ExecuteResultOutput => "execute_result",
        ErrorOutput => "error",
        UnknownOutput u => u.Json["output_type"]?.ToString() ?? "unknown",
        _ => throw new ArgumentException($"unknown output {output.GetType().Name}", nameof(output)),
    };

    /// <summary>A MIME bundle as JSON, sorted by type: JSON types as JSON values (as text when not valid JSON), PNG as one base64 string.</summary>
    public static JsonObject Bundle(IReadOnlyDictionary<string, string> data, bool lines)
    {
        var bundle = new JsonObject();
        foreach (var (mime, value) in data.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            bundle[mime] = MimeTypes.IsJson(mime) && TryParse(value) is { } json ? json
                : mime == MimeTypes.Png ? value
                : Text(value, lines);
        return bundle;
    }

    private static JsonNode? TryParse(string value)
    {
        try { return JsonNode.Parse(value); }
        catch (JsonException) { return null; }
    }

    private static JsonNode Text(string text, bool lines) => lines ? Lines(text) : JsonValue.Create(text);

    /// <summary>Split text into nbformat's list of lines, each keeping its newline.</summary>
    public static JsonArray Lines(string text)
    {
        var result = new JsonArray();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
            if (text[i] == '\n') { result.Add(text[start..(i + 1)]); start = i + 1; }
        if (start < text.Length) result.Add(text[start..]);
        return result;
    }
}
