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
            ["source"] = OutputJson.Lines(cell.Source),
        };
        if (cell.Attachments is not null && cell.Type != CellType.Code) json["attachments"] = cell.Attachments.DeepClone();
        if (cell.Type == CellType.Code)
        {
            json["execution_count"] = cell.ExecutionCount;
            json["outputs"] = new JsonArray(cell.Outputs.Select(WriteOutput).ToArray<JsonNode?>());
        }
        return json;
    }

    /// <summary>An output as nbformat stores it: <see cref="OutputJson"/>'s fields and <c>output_type</c>, keys sorted as Jupyter writes them.</summary>
    private static JsonObject WriteOutput(CellOutput output)
    {
        if (output is UnknownOutput u) return u.Json.DeepClone().AsObject();
        var fields = OutputJson.Fields(output, lines: true);
        fields["output_type"] = OutputJson.OutputType(output);
        return new JsonObject(fields.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => KeyValuePair.Create(kv.Key, kv.Value?.DeepClone())));
    }
}
