using Course.Interactive;
using Course.Notebooks.Document;

namespace Course.Notebooks.Kernel;

/// <summary>The offline plotly.js that the kernel puts in front of the session's first chart.</summary>
/// <remarks>
/// Chart HTML from <see cref="MimeBundle.ChartHtml"/> waits for <c>window.Plotly</c>. Front ends that load
/// RequireJS (classic Notebook) would make plotly.js's UMD header register an AMD module instead of the global,
/// so <c>define</c>, <c>module</c> and <c>exports</c> are hidden from it. What counts as a chart is
/// <see cref="PlotlyCharts"/>' rule, the web book's too.
/// </remarks>
public static class PlotlyLoader
{
    private static readonly Lazy<string> html = new(() =>
        "<script type=\"text/javascript\">if (!window.Plotly) { (function (define, module, exports) {\n"
        + PlotlyJs.Script.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)
        + "\n})(undefined, undefined, undefined); }</script>\n");

    /// <summary>A <c>&lt;script&gt;</c> element that defines <c>window.Plotly</c> unless the page has it.</summary>
    public static string Html => html.Value;
}
