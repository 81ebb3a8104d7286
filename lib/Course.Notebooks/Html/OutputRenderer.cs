using System.Text.RegularExpressions;
using Course.Notebooks.Document;

namespace Course.Notebooks.Html;

/// <summary>Renders the outputs of a code cell: streams, rich bundles, errors.</summary>
/// <remarks>
/// A bundle shows its richest form: HTML (as is), Plotly JSON, SVG, PNG/JPEG (data URI), Markdown,
/// LaTeX, then plain text. A Plotly chart's HTML already holds its div and a script calling <c>Plotly.newPlot</c>;
/// the page loads <c>assets/plotly.min.js</c>, so scripts that fetch plotly.js from a CDN are dropped.
/// </remarks>
internal static partial class OutputRenderer
{
    private const string Svg = "image/svg+xml";
    private const string Jpeg = "image/jpeg";
    private const string Markdown = "text/markdown";
    private const string Latex = "text/latex";

    /// <summary>The HTML for one output; <paramref name="id"/> names any element it creates (unique on the page).</summary>
    public static string Render(CellOutput output, string id) => output switch
    {
        StreamOutput s => $"<pre class=\"output stream {(s.Name == "stderr" ? "stderr" : "stdout")}\">{HtmlText.Terminal(s.Text)}</pre>\n",
        DisplayDataOutput d => Bundle(d.Data, id),
        ExecuteResultOutput r => Bundle(r.Data, id),
        ErrorOutput e => Error(e),
        _ => "",
    };

    private static string Bundle(IReadOnlyDictionary<string, string> data, string id)
    {
        if (data.TryGetValue(MimeTypes.Html, out var html))
            return $"<div class=\"output html\">\n{NetworkScript().Replace(html, "")}\n</div>\n";
        if (data.TryGetValue(MimeTypes.PlotlyJson, out var figure))
            return PlotlyFigure(figure, id);
        if (data.TryGetValue(Svg, out var svg))
            return $"<div class=\"output image\">{svg}</div>\n";
        foreach (var mime in new[] { MimeTypes.Png, Jpeg })
            if (data.TryGetValue(mime, out var base64))
                return $"<div class=\"output image\"><img src=\"data:{mime};base64,{Regex.Replace(base64, @"\s", "")}\" alt=\"output image\"></div>\n";
        if (data.TryGetValue(Markdown, out var markdown))
            return $"<div class=\"output markdown\">\n{new MarkdownRenderer().Render(markdown)}</div>\n";
        if (data.TryGetValue(Latex, out var latex))
            return $"<div class=\"output math\">{HtmlText.Escape(latex)}</div>\n";
        if (data.TryGetValue(MimeTypes.PlainText, out var text))
            return $"<pre class=\"output text\">{HtmlText.Terminal(text)}</pre>\n";
        return "";
    }

    /// <summary>A Plotly figure given only as JSON: a div and a call to <c>Plotly.newPlot</c>.</summary>
    private static string PlotlyFigure(string json, string id)
    {
        var safeJson = json.Replace("</", "<\\/", StringComparison.Ordinal);
        return $$"""
            <div class="output html"><div id="{{id}}" class="plotly-chart"></div>
            <script>(function () { var fig = {{safeJson}}; Plotly.newPlot("{{id}}", fig.data, fig.layout || {}, Object.assign({ responsive: true }, fig.config || {})); })();</script></div>

            """;
    }

    private static string Error(ErrorOutput e)
    {
        var traceback = e.Traceback.Count == 0 ? "" : $"\n<pre class=\"traceback\">{HtmlText.Terminal(string.Join('\n', e.Traceback))}</pre>";
        return $"<div class=\"output error\" role=\"alert\"><p class=\"error-title\"><strong>{HtmlText.Escape(HtmlText.StripAnsi(e.EName))}</strong>: {HtmlText.Escape(HtmlText.StripAnsi(e.EValue))}</p>{traceback}</div>\n";
    }

    /// <summary>A <c>&lt;script src="http(s)://…"&gt;&lt;/script&gt;</c> tag: the book stays offline.</summary>
    [GeneratedRegex("""<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?//[^>]*>\s*</script\s*>""", RegexOptions.IgnoreCase)]
    private static partial Regex NetworkScript();
}
