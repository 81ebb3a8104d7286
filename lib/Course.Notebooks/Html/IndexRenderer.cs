using System.Globalization;
using System.Text;
using Course.Notebooks.Targets;

namespace Course.Notebooks.Html;

/// <summary>Renders the book's <c>index.html</c>: the course outline (lecture → notebook → sections) with each notebook's status, time and metrics.</summary>
internal static class IndexRenderer
{
    /// <summary>The index page; <paramref name="metrics"/> and <paramref name="targets"/> map a notebook stem to its recorded metrics and judged targets.</summary>
    public static string Render(IReadOnlyList<BookPage> pages, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> metrics,
                                IReadOnlyDictionary<string, IReadOnlyList<TargetJudgement>>? targets = null)
    {
        targets ??= new Dictionary<string, IReadOnlyList<TargetJudgement>>();
        var ordered = pages.OrderBy(p => p.Stem, StringComparer.Ordinal).ToList();
        var failed = ordered.Count(p => p.Error is not null);
        var total = TimeSpan.FromTicks(ordered.Sum(p => p.Elapsed.Ticks));

        var sb = new StringBuilder();
        sb.Append(Layout.TopBar());
        sb.Append("<main class=\"content index\">\n");
        sb.Append($"<h1>{HtmlText.Escape(Layout.BookTitle)}</h1>\n");
        sb.Append("<p class=\"lead\">The course's notebooks, executed: read the derivations, the code and what it printed and plotted.</p>\n");
        var judged = ordered.SelectMany(p => targets.TryGetValue(p.Stem, out var t) ? t : []).ToList();
        var missed = judged.Count(t => !t.Met);
        var targetSummary = judged.Count == 0 ? "" :
            $" · <span class=\"{(missed > 0 ? "failed" : "ok")}\">{judged.Count - missed}/{judged.Count} targets met</span>";
        sb.Append($"<p class=\"run-summary\">{ordered.Count} notebooks · {ordered.Count - failed} ok · " +
                  $"<span class=\"{(failed > 0 ? "failed" : "ok")}\">{failed} failed</span>{targetSummary} · {HtmlText.Duration(total)} in all</p>\n");
        sb.Append("<ol class=\"lectures\">\n");
        foreach (var part in CourseOutline.Parts(ordered))
        {
            sb.Append($"<li class=\"lecture\">\n<h2 class=\"lecture-title\">{HtmlText.Escape(part.Title)}</h2>\n<ol class=\"outline\">\n");
            foreach (var page in part.Pages)
                sb.Append(Entry(page, metrics.TryGetValue(page.Stem, out var m) ? m : null, targets.TryGetValue(page.Stem, out var t) ? t : []));
            sb.Append("</ol>\n</li>\n");
        }
        sb.Append("</ol>\n</main>\n</body>\n</html>\n");
        var rest = sb.ToString();
        return Layout.Head(Layout.BookTitle, rest, plotly: false) + rest;
    }

    private static string Entry(BookPage page, IReadOnlyDictionary<string, double>? metrics, IReadOnlyList<TargetJudgement> targets)
    {
        var ok = page.Error is null;
        var sb = new StringBuilder();
        sb.Append($"<li class=\"entry {(ok ? "ok" : "failed")}\">\n");
        sb.Append($"<div class=\"entry-head\"><a href=\"{HtmlText.PageHref(page.Stem)}\">{Layout.ChapterLabel(page)}</a>" +
                  $"<span class=\"status {(ok ? "ok" : "failed")}\">{(ok ? "ok" : "failed")}</span>" +
                  $"<span class=\"elapsed\">{HtmlText.Duration(page.Elapsed)}</span></div>\n");
        if (MarkdownRenderer.Summary(page.Notebook) is { } summary) sb.Append($"<p class=\"summary\">{summary}</p>\n");
        if (!ok) sb.Append($"<p class=\"entry-error\">{HtmlText.Escape(page.Error)}</p>\n");
        var sections = MarkdownRenderer.Sections(page.Notebook);
        if (sections.Count > 0)
        {
            sb.Append("<ol class=\"sections\">\n");
            foreach (var section in sections)
                sb.Append($"<li><a href=\"{HtmlText.PageHref(page.Stem)}#{section.Id}\">{section.Html}</a></li>\n");
            sb.Append("</ol>\n");
        }
        if (metrics is { Count: > 0 })
        {
            sb.Append("<table class=\"metrics\">\n<thead><tr><th>metric</th><th>value</th></tr></thead>\n<tbody>\n");
            foreach (var (name, value) in metrics.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                sb.Append($"<tr><td><code>{HtmlText.Escape(name)}</code></td><td>{Number(value)}</td></tr>\n");
            sb.Append("</tbody>\n</table>\n");
        }
        if (targets.Count > 0)
        {
            sb.Append("<table class=\"targets\">\n<thead><tr><th>target</th><th>value</th><th></th></tr></thead>\n<tbody>\n");
            foreach (var t in targets)
                sb.Append($"<tr class=\"{(t.Met ? "ok" : "failed")}\"><td><code>{HtmlText.Escape(t.Metric)} {HtmlText.Escape(t.Target)}</code></td>" +
                          $"<td>{(t.Value is { } v ? Number(v) : "—")}</td>" +
                          $"<td class=\"verdict {(t.Met ? "ok" : "failed")}\" title=\"{HtmlText.Escape(t.Detail)}\">{(t.Met ? "met" : "missed")}</td></tr>\n");
            sb.Append("</tbody>\n</table>\n");
        }
        sb.Append("</li>\n");
        return sb.ToString();
    }

    /// <summary>Four significant digits, invariant culture: <c>0.9871</c>, <c>172.4</c>, <c>1.5E-05</c>.</summary>
    private static string Number(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
