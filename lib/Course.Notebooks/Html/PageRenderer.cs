using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Course.Notebooks.Document;

namespace Course.Notebooks.Html;

/// <summary>Renders one executed notebook as a standalone HTML5 page of the book.</summary>
/// <remarks>
/// Layout: a top bar linking the index, a sidebar with the book's chapters and this page's
/// <c>##</c>/<c>###</c> headings, the cells (Markdown, code with its <c>[n]</c> count, outputs),
/// and previous/next links. Only relative references into <c>assets/</c> (<see cref="BookAssets"/>): math is
/// typeset and code highlighted in the browser by the vendored KaTeX and highlight.js.
/// </remarks>
internal static class PageRenderer
{
    /// <summary>The page's HTML; <paramref name="allPages"/> gives the sidebar and previous/next links.</summary>
    public static string Render(BookPage page, IReadOnlyList<BookPage> allPages)
    {
        var ordered = allPages.Where(p => p.Stem != page.Stem).Append(page).OrderBy(p => p.Stem, StringComparer.Ordinal).ToList();
        var position = ordered.FindIndex(p => p.Stem == page.Stem);
        var markdown = new MarkdownRenderer();
        var body = new StringBuilder();
        if (page.Notebook.Title is null) body.Append($"<h1>{HtmlText.Escape(page.Stem)}</h1>\n");
        foreach (var cell in page.Notebook.Cells) body.Append(Cell(cell, markdown));

        var html = new StringBuilder();
        html.Append(Layout.TopBar());
        html.Append("<div class=\"layout\">\n");
        html.Append(Sidebar(ordered, page, markdown.Toc));
        html.Append("<main class=\"content\">\n");
        if (page.Error is not null) html.Append(ErrorBanner(page));
        html.Append(body);
        html.Append(Pager(position > 0 ? ordered[position - 1] : null, position < ordered.Count - 1 ? ordered[position + 1] : null));
        if (page.Elapsed > TimeSpan.Zero)
            html.Append($"<footer class=\"page-footer\">Ran in {HtmlText.Duration(page.Elapsed)} with <code>course run</code>.</footer>\n");
        html.Append("</main>\n</div>\n</body>\n</html>\n");
        var rest = html.ToString();
        return Layout.Head(page.Title, rest, PlotlyCharts.Any(page.Notebook)) + rest;
    }

    private static string Cell(NotebookCell cell, MarkdownRenderer markdown) => cell.Type switch
    {
        CellType.Markdown => $"<section class=\"cell markdown\" id=\"{CellId(cell)}\">\n{markdown.Render(cell.Source, cell.Attachments)}</section>\n",
        CellType.Code when cell.Source.Trim().Length > 0 || cell.Outputs.Count > 0 => CodeCell(cell),
        _ => "",
    };

    private static string CodeCell(NotebookCell cell)
    {
        var sb = new StringBuilder();
        sb.Append($"<section class=\"cell code\" id=\"{CellId(cell)}\">\n");
        var count = cell.ExecutionCount is { } n ? n.ToString(CultureInfo.InvariantCulture) : " ";
        sb.Append($"<div class=\"cell-meta\"><span class=\"prompt\">[{count}]</span>{Badges(cell)}</div>\n");
        var source = $"<pre class=\"source\"><code class=\"language-csharp\">{HtmlText.Escape(cell.Source.TrimEnd())}</code></pre>\n";
        sb.Append(Flag(cell, "source_hidden") ? $"<details class=\"hidden-source\"><summary>Show setup code</summary>\n{source}</details>\n" : source);

        var outputs = new StringBuilder();
        for (var i = 0; i < cell.Outputs.Count; i++) outputs.Append(OutputRenderer.Render(cell.Outputs[i], $"{CellId(cell)}-out-{i}"));
        if (outputs.Length > 0)
        {
            var block = $"<div class=\"outputs\">\n{outputs}</div>\n";
            sb.Append(Flag(cell, "outputs_hidden") ? $"<details class=\"hidden-outputs\"><summary>Show output</summary>\n{block}</details>\n" : block);
        }
        sb.Append("</section>\n");
        return sb.ToString();
    }

    /// <summary>Labels for the nbgrader/papermill roles a cell plays.</summary>
    private static string Badges(NotebookCell cell)
    {
        var sb = new StringBuilder();
        if (cell.HasTag("parameters")) sb.Append(" <span class=\"badge\">parameters</span>");
        if (cell.HasTag("exercise")) sb.Append(" <span class=\"badge exercise\">exercise</span>");
        if (cell.HasTag("grade"))
        {
            var points = cell.Metadata["course"]?["points"] is JsonValue p && double.TryParse(p.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
                ? $" · {v.ToString("0.##", CultureInfo.InvariantCulture)} pt" : "";
            sb.Append($" <span class=\"badge grade\">check{points}</span>");
        }
        return sb.ToString();
    }

    private static bool Flag(NotebookCell cell, string name) =>
        cell.Metadata["jupyter"] is JsonObject jupyter && jupyter[name] is JsonValue value && value.TryGetValue(out bool flag) && flag;

    private static string CellId(NotebookCell cell) => "cell-" + HtmlText.Escape(cell.Id);

    private static string ErrorBanner(BookPage page)
    {
        var failing = page.Notebook.Cells.FirstOrDefault(c => c.Outputs.Any(o => o is ErrorOutput));
        var link = failing is null ? "" : $" <a href=\"#{CellId(failing)}\">Go to the failing cell</a>";
        return $"<div class=\"banner error\" role=\"alert\">This notebook stopped with an error: {HtmlText.Escape(page.Error)}{link}</div>\n";
    }

    private static string Sidebar(IReadOnlyList<BookPage> pages, BookPage current, IReadOnlyList<TocEntry> toc)
    {
        var sb = new StringBuilder();
        sb.Append("<nav class=\"sidebar\" aria-label=\"Contents\">\n<a class=\"back\" href=\"index.html\">&larr; All notebooks</a>\n<ol class=\"chapters\">\n");
        string? lecture = null;
        foreach (var page in pages)
        {
            if (CourseOutline.Lecture(page) is var title && title != lecture)
            {
                lecture = title;
                sb.Append($"<li class=\"lecture-caption\">{HtmlText.Escape(title)}</li>\n");
            }
            var isCurrent = page.Stem == current.Stem;
            sb.Append(isCurrent ? "<li class=\"current\">" : "<li>");
            sb.Append($"<a href=\"{HtmlText.PageHref(page.Stem)}\"{(isCurrent ? " aria-current=\"page\"" : "")}>{Layout.ChapterLabel(page)}</a>");
            if (isCurrent && toc.Count > 0)
            {
                sb.Append("\n<ul class=\"toc\">\n");
                foreach (var entry in toc)
                    sb.Append($"<li class=\"toc-h{entry.Level}\"><a href=\"#{entry.Id}\">{entry.Html}</a></li>\n");
                sb.Append("</ul>");
            }
            sb.Append("</li>\n");
        }
        sb.Append("</ol>\n</nav>\n");
        return sb.ToString();
    }

    private static string Pager(BookPage? previous, BookPage? next)
    {
        var sb = new StringBuilder("<nav class=\"pager\" aria-label=\"Previous and next notebooks\">\n");
        sb.Append(previous is null
            ? "<span></span>\n"
            : $"<a class=\"prev\" rel=\"prev\" href=\"{HtmlText.PageHref(previous.Stem)}\"><small>&larr; Previous</small><span class=\"label\">{Layout.ChapterLabel(previous)}</span></a>\n");
        sb.Append(next is null
            ? "<span></span>\n"
            : $"<a class=\"next\" rel=\"next\" href=\"{HtmlText.PageHref(next.Stem)}\"><small>Next &rarr;</small><span class=\"label\">{Layout.ChapterLabel(next)}</span></a>\n");
        sb.Append("</nav>\n");
        return sb.ToString();
    }
}
