using System.Text.Json;
using System.Text.Json.Nodes;

namespace Course.Notebooks.Document;

/// <summary>Reads .ipynb JSON into a <see cref="NotebookDocument"/>, with one-line errors.</summary>
internal static class NotebookReader
{
    public static NotebookDocument Read(string path)
    {
        if (Directory.Exists(path))
            throw new NotebookFormatException($"{path} is a folder, not a notebook; pass a .ipynb file.");
        if (!File.Exists(path))
            throw new NotebookFormatException($"{path} does not exist; check the path (notebooks live in notebooks/NN-name.ipynb).");
        return Parse(File.ReadAllText(path), path);
    }

    public static NotebookDocument Parse(string json, string source)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException(
                $"{source}: invalid JSON at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}: {FirstSentence(e.Message)} Fix the file in a text editor or restore it from git.");
        }
        if (root is not JsonObject obj)
            throw new NotebookFormatException($"{source}: a notebook is a JSON object with \"cells\" and \"metadata\"; this file holds a {root?.GetValueKind().ToString().ToLowerInvariant() ?? "null"}.");

        int major = obj["nbformat"] is JsonValue v && v.TryGetValue(out int m) ? m : 0;
        if (major != 4)
            throw new NotebookFormatException($"{source}: nbformat {major} is not supported; the engine reads nbformat 4 (open and save the notebook in Jupyter or VS Code to upgrade it).");
        int minor = obj["nbformat_minor"] is JsonValue mv && mv.TryGetValue(out int mm) ? mm : 0;

        if (minor < 5) AddMissingCellIds(obj);
        NotebookSchema.Validate(obj, source);
        var metadata = obj["metadata"]?.AsObject().DeepClone().AsObject() ?? new JsonObject();
        CheckLanguage(metadata, obj["cells"] as JsonArray, source);
        var cells = obj["cells"]!.AsArray().Select(c => ReadCell(c!.AsObject()));
        return new NotebookDocument(metadata, cells, 5);
    }

    /// <summary>Refuse notebooks of other languages; a notebook whose code cells carry C# Polyglot metadata is C# whatever its own metadata says.</summary>
    /// <remarks>VS Code's Polyglot extension can save <c>"language_info": {"name": "python"}</c> without a kernelspec while every cell says
    /// <c>polyglot_notebook.kernelName: csharp</c> (or, from older versions, <c>dotnet_interactive.language: csharp</c>).</remarks>
    private static void CheckLanguage(JsonObject metadata, JsonArray? cells, string source)
    {
        var language = metadata["kernelspec"]?["language"]?.GetValue<string>()
                       ?? metadata["language_info"]?["name"]?.GetValue<string>();
        var kernel = metadata["kernelspec"]?["name"]?.GetValue<string>();
        if (language is null || HasCSharpCells(cells)) return;
        var lang = language.ToLowerInvariant();
        if (lang is "c#" or "csharp" or "polyglot-notebook" || (kernel is not null && NotebookFormat.CSharpKernelNames.Contains(kernel)))
            return;
        throw new NotebookFormatException(
            $"{source} is a {language} notebook (kernel '{kernel ?? "?"}'); the course engine runs C# notebooks (kernel '{NotebookFormat.KernelName}'). Open it with its own kernel instead.");
    }

    private static bool HasCSharpCells(JsonArray? cells) =>
        (cells ?? []).OfType<JsonObject>().Where(c => c["cell_type"]?.GetValue<string>() == "code").Any(c =>
            (c["metadata"]?["polyglot_notebook"]?["kernelName"] ?? c["metadata"]?["dotnet_interactive"]?["language"]) is JsonValue v
            && v.TryGetValue(out string? kernel) && Execution.CellParts.Normalize(kernel) == "csharp");

    private static void AddMissingCellIds(JsonObject obj)
    {
        if (obj["cells"] is not JsonArray cells) return;
        var n = 0;
        foreach (var cell in cells.OfType<JsonObject>())
            if (cell["id"] is null) cell["id"] = $"cell-{n++}";
        obj["nbformat_minor"] = 5;
    }

    private static NotebookCell ReadCell(JsonObject json)
    {
        var type = json["cell_type"]!.GetValue<string>() switch
        {
            "code" => CellType.Code,
            "markdown" => CellType.Markdown,
            _ => CellType.Raw,
        };
        var cell = new NotebookCell(type, ReadText(json["source"]), json["metadata"]?.DeepClone().AsObject(), json["id"]?.GetValue<string>());
        if (json["attachments"] is JsonObject attachments) cell.Attachments = attachments.DeepClone().AsObject();
        if (type != CellType.Code) return cell;
        cell.ExecutionCount = json["execution_count"] is JsonValue ec && ec.TryGetValue(out int count) ? count : null;
        foreach (var output in (json["outputs"] as JsonArray ?? []).OfType<JsonObject>())
            cell.Outputs.Add(ReadOutput(output));
        return cell;
    }

    private static CellOutput ReadOutput(JsonObject o) => o["output_type"]?.GetValue<string>() switch
    {
        "stream" => new StreamOutput(o["name"]!.GetValue<string>(), ReadText(o["text"])),
        "display_data" => new DisplayDataOutput(ReadBundle(o["data"])),
        "execute_result" => new ExecuteResultOutput(ReadBundle(o["data"]), o["execution_count"]?.GetValue<int>() ?? 0),
        "error" => new ErrorOutput(o["ename"]!.GetValue<string>(), o["evalue"]!.GetValue<string>(),
            (o["traceback"] as JsonArray ?? []).Select(t => t!.GetValue<string>()).ToList()),
        _ => new UnknownOutput(o.DeepClone().AsObject()),
    };

    private static Dictionary<string, string> ReadBundle(JsonNode? data)
    {
        var bundle = new Dictionary<string, string>(StringComparer.Ordinal);
        if (data is not JsonObject obj) return bundle;
        foreach (var (mime, value) in obj)
            bundle[mime] = value is JsonObject or JsonArray && MimeTypes.IsJson(mime) ? value.ToJsonString() : ReadText(value);
        return bundle;
    }

    /// <summary>nbformat multiline strings are a string or an array of lines.</summary>
    internal static string ReadText(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>() ?? "")),
        JsonValue value when value.TryGetValue(out string? s) => s ?? "",
        _ => node.ToJsonString(),
    };

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var text = (cut > 0 ? message[..cut] : message).Trim();
        return text.EndsWith('.') ? text : text + ".";
    }
}
