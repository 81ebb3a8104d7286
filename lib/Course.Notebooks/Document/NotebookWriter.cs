using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Course.Notebooks.Document;

/// <summary>Writes a <see cref="NotebookDocument"/> as nbformat 4.5 JSON, the way Jupyter does.</summary>
internal static class NotebookWriter
{
    private static readonly JsonSerializerOptions options = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string ToJson(NotebookDocument doc)
    {
        var root = new JsonObject
        {
            ["cells"] = new JsonArray(doc.Cells.Select(WriteCell).ToArray<JsonNode?>()),
            ["metadata"] = doc.Metadata.DeepClone(),
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        return root.ToJsonString(options) + "\n";
    }

    public static void Save(NotebookDocument doc, string path)
    {
        var full = Path.GetFullPath(path);
        var temp = full + ".tmp-" + Environment.ProcessId;
        File.WriteAllText(temp, ToJson(doc));
        File.Move(temp, full, overwrite: true);
    }

    private static JsonObject WriteCell(NotebookCell cell)
    {
        var json = new JsonObject
        {
            ["cell_type"] = cell.Type switch { CellType.Code => "code", CellType.Markdown => "markdown", _ => "raw" },
            ["id"] = cell.Id,
            ["metadata"] = cell.Metadata.DeepClone(),
            ["source"] = Lines(cell.Source),
        };
        if (cell.Attachments is not null && cell.Type != CellType.Code) json["attachments"] = cell.Attachments.DeepClone();
        if (cell.Type == CellType.Code)
        {
            json["execution_count"] = cell.ExecutionCount;
            json["outputs"] = new JsonArray(cell.Outputs.Select(WriteOutput).ToArray<JsonNode?>());
        }
        return json;
    }

    private static JsonObject WriteOutput(CellOutput output) => output switch
    {
        StreamOutput s => new JsonObject { ["name"] = s.Name, ["output_type"] = "stream", ["text"] = Lines(s.Text) },
        DisplayDataOutput d => new JsonObject { ["data"] = Bundle(d.Data), ["metadata"] = new JsonObject(), ["output_type"] = "display_data" },
        ExecuteResultOutput r => new JsonObject
        {
            ["data"] = Bundle(r.Data), ["execution_count"] = r.ExecutionCount, ["metadata"] = new JsonObject(), ["output_type"] = "execute_result",
        },
        ErrorOutput e => new JsonObject
        {
            ["ename"] = e.EName, ["evalue"] = e.EValue, ["output_type"] = "error",
            ["traceback"] = new JsonArray(e.Traceback.Select(t => (JsonNode?)t).ToArray()),
        },
        UnknownOutput u => u.Json.DeepClone().AsObject(),
        _ => throw new InvalidOperationException($"unknown output {output.GetType().Name}"),
    };

    private static JsonObject Bundle(IReadOnlyDictionary<string, string> data)
    {
        var bundle = new JsonObject();
        foreach (var (mime, value) in data.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            bundle[mime] = MimeTypes.IsJson(mime) ? JsonNode.Parse(value) : mime == MimeTypes.Png ? value : Lines(value);
        return bundle;
    }

    /// <summary>Split text into nbformat's list of lines, each keeping its newline.</summary>
    internal static JsonArray Lines(string text)
    {
        var lines = new JsonArray();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
            if (text[i] == '\n') { lines.Add(text[start..(i + 1)]); start = i + 1; }
        if (start < text.Length) lines.Add(text[start..]);
        return lines;
    }
}
