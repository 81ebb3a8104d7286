using System.Text.Json.Nodes;

namespace Course.Notebooks.Document;

/// <summary>One cell of a notebook: its kind, source, metadata and (for code) outputs.</summary>
public sealed class NotebookCell
{
    /// <summary>Create a cell; a fresh id is generated when none is given.</summary>
    public NotebookCell(CellType type, string source, JsonObject? metadata = null, string? id = null)
    {
        Type = type;
        Source = source;
        Metadata = metadata ?? new JsonObject();
        Id = id ?? Guid.NewGuid().ToString("N")[..12];
    }

    /// <summary>The nbformat 4.5 cell id.</summary>
    public string Id { get; set; }

    /// <summary>Code, Markdown or raw.</summary>
    public CellType Type { get; }

    /// <summary>The cell's text.</summary>
    public string Source { get; set; }

    /// <summary>Cell metadata (tags, <c>course.points</c>, <c>polyglot_notebook</c>…).</summary>
    public JsonObject Metadata { get; set; }

    /// <summary>Outputs of a code cell, in the order produced.</summary>
    public List<CellOutput> Outputs { get; } = [];

    /// <summary>The execution counter of a code cell, null when not run.</summary>
    public int? ExecutionCount { get; set; }

    /// <summary>Attachments of Markdown cells, kept as read.</summary>
    public JsonObject? Attachments { get; set; }

    /// <summary>The cell's tags (<c>metadata.tags</c>).</summary>
    public IReadOnlyList<string> Tags =>
        Metadata["tags"] is JsonArray tags ? tags.Select(t => t?.GetValue<string>() ?? "").ToList() : [];

    /// <summary>True when the cell carries <paramref name="tag"/>.</summary>
    public bool HasTag(string tag) => Tags.Contains(tag, StringComparer.Ordinal);

    /// <summary>Add a tag if missing.</summary>
    public void AddTag(string tag)
    {
        if (HasTag(tag)) return;
        if (Metadata["tags"] is not JsonArray tags) Metadata["tags"] = tags = [];
        tags.Add(tag);
    }

    /// <summary>Create a C# code cell with the metadata Polyglot Notebooks writes.</summary>
    public static NotebookCell Code(string source, params string[] tags)
    {
        var cell = new NotebookCell(CellType.Code, source, NotebookFormat.CSharpCellMetadata());
        foreach (var tag in tags) cell.AddTag(tag);
        return cell;
    }

    /// <summary>Create a Markdown cell.</summary>
    public static NotebookCell Markdown(string source) => new(CellType.Markdown, source);
}
