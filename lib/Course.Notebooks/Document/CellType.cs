namespace Course.Notebooks.Document;

/// <summary>The three kinds of nbformat cell.</summary>
public enum CellType
{
    /// <summary>C# source the engine executes.</summary>
    Code,

    /// <summary>Markdown with LaTeX math, rendered in the web book.</summary>
    Markdown,

    /// <summary>Raw text, passed through untouched.</summary>
    Raw,
}
