namespace Course.Notebooks.Html;

/// <summary>The parts every book page shares: the head, the top bar, chapter labels.</summary>
internal static class Layout
{
    /// <summary>The book's title, shown in the top bar and on the index.</summary>
    public const string BookTitle = "Deep Learning in C#";

    /// <summary>The document start through <c>&lt;body&gt;</c>, loading only what the page uses from <c>assets/</c>.</summary>
    /// <param name="title">The page's title.</param>
    /// <param name="body">The page's body HTML: KaTeX is loaded when it holds <c>.math</c> elements, highlight.js when it holds code blocks.</param>
    /// <param name="plotly">Whether the page shows a Plotly chart (plotly.js loads before the body, whose chart scripts call it).</param>
    public static string Head(string title, string body, bool plotly)
    {
        var math = body.Contains("class=\"math", StringComparison.Ordinal) || body.Contains(" math\"", StringComparison.Ordinal);
        var code = body.Contains("<code class=\"language-", StringComparison.Ordinal);
        var sb = new System.Text.StringBuilder();
        sb.Append($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{HtmlText.Escape(title == BookTitle ? title : $"{title} · {BookTitle}")}</title>

            """);
        if (math) sb.Append($"<link rel=\"stylesheet\" href=\"{BookAssets.KatexStylesheetHref}\">\n");
        if (code) sb.Append($"<link rel=\"stylesheet\" href=\"{BookAssets.HighlightStylesheetHref}\">\n");
        sb.Append($"<link rel=\"stylesheet\" href=\"{BookAssets.StylesheetHref}\">\n");
        if (plotly) sb.Append($"<script src=\"{BookAssets.PlotlyHref}\"></script>\n");
        // Deferred scripts run in order once the body is parsed: the libraries, then book.js, which uses them.
        if (math) sb.Append($"<script defer src=\"{BookAssets.KatexScriptHref}\"></script>\n");
        if (code) sb.Append($"<script defer src=\"{BookAssets.HighlightScriptHref}\"></script>\n");
        if (math || code) sb.Append($"<script defer src=\"{BookAssets.ScriptHref}\"></script>\n");
        sb.Append("</head>\n<body>\n");
        return sb.ToString();
    }

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
