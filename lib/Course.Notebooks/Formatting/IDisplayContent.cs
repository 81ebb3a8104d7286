namespace Course.Notebooks.Formatting;

/// <summary>A value that knows its own MIME bundle (what <c>HTML(…)</c>, <c>Markdown(…)</c>, <c>DisplayTable()</c> return).</summary>
internal interface IDisplayContent
{
    /// <summary>MIME type → content.</summary>
    IReadOnlyDictionary<string, string> Bundle();
}
