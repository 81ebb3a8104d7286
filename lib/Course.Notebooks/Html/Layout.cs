namespace Course.Notebooks.Html;

/// <summary>The parts every book page shares: the head, the top bar, chapter labels.</summary>
internal static class Layout
{
    /// <summary>The book's title, shown in the top bar and on the index.</summary>
    public const string BookTitle = "Deep Learning in C#";

    /// <summary>The document start through <c>&lt;body&gt;</c>; plotly.js only when the page shows a chart.</summary>
    public static string Head(string title, bool plotly) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{HtmlText.Escape(title == BookTitle ? title : $"{title} · {BookTitle}")}</title>
        <link rel="stylesheet" href="{BookAssets.StylesheetHref}">
        {(plotly ? $"<script src=\"{BookAssets.PlotlyHref}\"></script>\n" : "")}</head>
        <body>

        """;

    /// <summary>The bar at the top of every page, linking back to the index.</summary>
    public static string TopBar() =>
        $"<header class=\"topbar\"><a class=\"book-title\" href=\"index.html\">{HtmlText.Escape(BookTitle)}</a></header>\n";

    /// <summary>A chapter's number and title as inline HTML, for the sidebar, the pager and the index.</summary>
    /// <remarks>A title that already starts with the number (<c>07 · Autoencoders</c>) shows it once.</remarks>
    public static string ChapterLabel(BookPage page)
    {
        if (page.Number is not { } number)
            return $"<span class=\"title\">{MarkdownRenderer.Inline(page.Title)}</span>";
        var title = page.Title.StartsWith(number, StringComparison.Ordinal) ? page.Title[number.Length..].TrimStart(' ', '·', '.', ':', '-', '–', '—') : page.Title;
        return $"<span class=\"number\">{HtmlText.Escape(number)}</span> <span class=\"title\">{MarkdownRenderer.Inline(title.Length > 0 ? title : page.Title)}</span>";
    }
}
