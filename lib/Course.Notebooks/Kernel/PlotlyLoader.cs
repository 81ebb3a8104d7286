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

    /// <summary>Remembers which output of a session carries plotly.js: the first chart, and every update of it.</summary>
    /// <remarks>An update of that chart keeps the script, so a saved notebook still carries plotly.js.</remarks>
    internal sealed class Carrier
    {
        private string? displayId; // "" when the carrier is a result, which cannot be updated

        /// <summary><paramref name="data"/>, with plotly.js in front of its HTML when it is the carrier.</summary>
        public IReadOnlyDictionary<string, string> Carry(IReadOnlyDictionary<string, string> data, string? outputDisplayId)
        {
            var isCarrier = displayId is null || (outputDisplayId is not null && outputDisplayId == displayId);
            if (!isCarrier || !PlotlyCharts.IsChart(data) || !data.TryGetValue(MimeTypes.Html, out var chart)) return data;
            displayId ??= outputDisplayId ?? "";
            return new Dictionary<string, string>(data) { [MimeTypes.Html] = Html + chart };
        }
    }
}
