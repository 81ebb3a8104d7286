namespace Course.Notebooks.Html;

/// <summary>One entry of a page's table of contents: a <c>##</c> or <c>###</c> heading.</summary>
/// <param name="Level">2 or 3.</param>
/// <param name="Id">The heading's anchor id, unique on the page.</param>
/// <param name="Html">The heading's text as inline HTML (math kept in spans).</param>
internal sealed record TocEntry(int Level, string Id, string Html);
