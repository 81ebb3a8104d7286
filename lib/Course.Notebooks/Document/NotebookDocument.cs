using System.Text.Json.Nodes;

namespace Course.Notebooks.Document;

/// <summary>An nbformat 4 notebook in memory: metadata and cells.</summary>
/// <remarks>
/// Data flows one way (DESIGN.md): .ipynb → <see cref="NotebookDocument"/> → engine → executed
/// document → writers. Unknown metadata is kept as read so nothing a user wrote is lost.
/// </remarks>
public sealed class NotebookDocument
{
    /// <summary>Create a notebook with the given metadata and cells.</summary>
    public NotebookDocument(JsonObject metadata, IEnumerable<NotebookCell> cells, int formatMinor = 5)
    {
        Metadata = metadata;
        Cells = cells.ToList();
        FormatMinor = formatMinor;
    }

    /// <summary>Notebook metadata (kernelspec, language_info, polyglot_notebook…).</summary>
    public JsonObject Metadata { get; }

    /// <summary>The cells in order.</summary>
    public List<NotebookCell> Cells { get; }

    /// <summary>nbformat minor version (written as 5).</summary>
    public int FormatMinor { get; set; }

    /// <summary>The notebook's title: its first Markdown heading, or null.</summary>
    public string? Title =>
        Cells.Where(c => c.Type == CellType.Markdown)
             .SelectMany(c => c.Source.Split('\n'))
             .Select(l => l.Trim())
             .FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim();

    /// <summary>The kernelspec name, or null when the notebook names none.</summary>
    public string? KernelName => Metadata["kernelspec"]?["name"]?.GetValue<string>();

    /// <summary>A new empty C# notebook with Polyglot Notebooks metadata.</summary>
    public static NotebookDocument CreateCSharp(params NotebookCell[] cells) =>
        new(NotebookFormat.CSharpNotebookMetadata(), cells);

    /// <summary>Read and validate a notebook file.</summary>
    /// <exception cref="NotebookFormatException">The file is missing, malformed or not a C# notebook.</exception>
    public static NotebookDocument Load(string path) => NotebookReader.Read(path);

    /// <summary>Parse notebook JSON; <paramref name="sourceName"/> names it in error messages.</summary>
    public static NotebookDocument Parse(string json, string sourceName) => NotebookReader.Parse(json, sourceName);

    /// <summary>The notebook as nbformat 4.5 JSON.</summary>
    public string ToJson() => NotebookWriter.ToJson(this);

    /// <summary>Write the notebook to <paramref name="path"/> (atomically: temp file, then rename).</summary>
    public void Save(string path) => NotebookWriter.Save(this, path);

    /// <summary>A deep copy, so running never touches the document read from a source file.</summary>
    public NotebookDocument Clone() => Parse(ToJson(), "(copy)");
}
