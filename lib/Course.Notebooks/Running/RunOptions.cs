namespace Course.Notebooks.Running;

/// <summary>Options of <c>course run</c>.</summary>
/// <param name="OutDir">Where executed notebooks, pages, index.html and metrics.json go (default <c>out</c>).</param>
/// <param name="Parameters">Overrides for the <c>parameters</c> cell (<c>-p name=value</c>).</param>
/// <param name="WriteBook">Write the HTML pages and index (off for quick test runs).</param>
public sealed record RunOptions(string OutDir = "out", IReadOnlyDictionary<string, string>? Parameters = null, bool WriteBook = true);
