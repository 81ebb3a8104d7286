using System.Globalization;
using System.Net;
using System.Text;
using Course.Plots;
using Course.Training;
using Plotly.NET;
using static TorchSharp.torch;

namespace Course.Interactive;

/// <summary>Turns any displayed value into a Jupyter MIME bundle: mime type → content.</summary>
/// <remarks>
/// The notebook engine, the Jupyter kernel and the web book call <see cref="From"/> for every cell result and
/// <c>display(x)</c> (every notebook, from 00-setup). Charts become offline HTML plus Plotly JSON, image grids PNG,
/// tensors a PyTorch-style repr, training histories and 2-D arrays (confusion matrices) tables, strings and numbers plain text.
/// The notebook engine asks <see cref="TryFrom"/> first for the course's own types and formats everything else itself
/// (its <c>Formatter</c>, which honours <c>Formatter.Register</c>); <see cref="From"/> gives other values their <c>ToString()</c>.
/// </remarks>
public static class MimeBundle
{
    /// <summary>Plain text, present in every bundle.</summary>
    public const string PlainText = "text/plain";

    /// <summary>HTML.</summary>
    public const string Html = "text/html";

    /// <summary>A base64-encoded PNG image.</summary>
    public const string Png = "image/png";

    /// <summary>A Plotly figure as JSON <c>{"data": …, "layout": …, "config": …}</c>, which some front ends draw natively.</summary>
    public const string PlotlyJson = "application/vnd.plotly.v1+json";

    /// <summary>The MIME bundle of <paramref name="value"/>; always holds <see cref="PlainText"/>.</summary>
    public static IReadOnlyDictionary<string, string> From(object? value) =>
        TryFrom(value) ?? new Dictionary<string, string> { [PlainText] = value!.ToString() ?? "" };

    /// <summary>The bundle of a value the course knows how to show (null, strings, numbers, charts, image grids, tensors, histories, matrices); null for anything else.</summary>
    public static IReadOnlyDictionary<string, string>? TryFrom(object? value) => value switch
    {
        null => new Dictionary<string, string> { [PlainText] = "<null>" },
        string text => new Dictionary<string, string> { [PlainText] = text },
        GenericChart chart => FromChart(chart),
        ImageGrid grid => FromImageGrid(grid),
        Tensor tensor => FromTensor(tensor),
        History history => FromHistory(history),
        EpochStats stats => new Dictionary<string, string> { [PlainText] = stats.ToString() },
        Array { Rank: 2 } matrix when IsScalar(matrix.GetType().GetElementType()!) => FromMatrix(matrix),
        _ when IsScalar(value.GetType()) => new Dictionary<string, string> { [PlainText] = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "" },
        _ => null,
    };

    /// <summary>HTML that draws <paramref name="chart"/> with the page's plotly.js once <c>window.Plotly</c> exists; no CDN.</summary>
    public static string ChartHtml(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return HtmlOfJson(GenericChart.toJson(chart));
    }

    /// <summary>The HTML of <see cref="ChartHtml(GenericChart)"/> from the chart's JSON, which Plotly.NET takes ~0.1 s to write.</summary>
    private static string HtmlOfJson(string json)
    {
        var id = "plotly-" + Guid.NewGuid().ToString("N");
        var figure = json.Replace("</", "<\\/", StringComparison.Ordinal); // safe inside <script>
        return $$"""
            <div id="{{id}}" class="course-plotly"></div>
            <script type="text/javascript">
            (function () {
              var figure = {{figure}};
              var attempts = 0;
              function draw() {
                var target = document.getElementById('{{id}}');
                if (window.Plotly && target) { window.Plotly.newPlot(target, figure.data, figure.layout, figure.config); return; }
                if (++attempts < 600) { setTimeout(draw, 50); return; }
                if (target) { target.textContent = 'This chart needs plotly.js {{PlotlyJs.Version}}, which this page has not loaded.'; }
              }
              draw();
            })();
            </script>
            """;
    }

    private static Dictionary<string, string> FromChart(GenericChart chart)
    {
        var json = GenericChart.toJson(chart);                                   // written once for both MIME types
        return new()
        {
            [PlainText] = DescribeChart(chart),
            [Html] = HtmlOfJson(json),
            [PlotlyJson] = json,
        };
    }

    private static Dictionary<string, string> FromImageGrid(ImageGrid grid)
    {
        var bundle = new Dictionary<string, string>
        {
            [PlainText] = grid.ToString(),
            [Png] = Convert.ToBase64String(grid.ToPng()),
        };
        if (grid.Captions is not null) bundle[Html] = grid.ToHtml();
        return bundle;
    }

    private static Dictionary<string, string> FromTensor(Tensor tensor)
    {
        var bundle = new Dictionary<string, string> { [PlainText] = TensorText.Plain(tensor) };
        if (TensorText.Html(tensor) is { } html) bundle[Html] = html;
        return bundle;
    }

    private static Dictionary<string, string> FromHistory(History history)
    {
        bool hasTest = history.TestLoss.Any(double.IsFinite), hasMetric = history.TestMetric.Any(double.IsFinite);
        var html = new StringBuilder("<table class=\"course-history\"><thead><tr><th>epoch</th><th>train loss</th>");
        if (hasTest) html.Append("<th>test loss</th>");
        if (hasMetric) html.Append("<th>").Append(WebUtility.HtmlEncode(history.MetricName)).Append("</th>");
        html.Append("<th>seconds</th><th>samples/s</th></tr></thead><tbody>");
        foreach (var e in history)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{e.Epoch}</td><td>{e.TrainLoss:F4}</td>");
            if (hasTest) html.Append(CultureInfo.InvariantCulture, $"<td>{e.TestLoss:F4}</td>");
            if (hasMetric) html.Append(CultureInfo.InvariantCulture, $"<td>{e.TestMetric:F4}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td>{e.Seconds:F1}</td><td>{e.SamplesPerSecond:N0}</td></tr>");
        }
        return new Dictionary<string, string> { [PlainText] = history.ToString(), [Html] = html.Append("</tbody></table>").ToString() };
    }

    private static Dictionary<string, string> FromMatrix(Array matrix)
    {
        int rows = matrix.GetLength(0), cols = matrix.GetLength(1);
        var cells = new string[rows, cols];
        int width = 1;
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                width = Math.Max(width, (cells[i, j] = Convert.ToString(matrix.GetValue(i, j), CultureInfo.InvariantCulture) ?? "").Length);
        var text = new StringBuilder();
        var html = new StringBuilder("<table class=\"course-matrix\" style=\"font-family: monospace; text-align: right\"><tbody>");
        for (int i = 0; i < rows; i++)
        {
            html.Append("<tr>");
            for (int j = 0; j < cols; j++)
            {
                text.Append(j == 0 ? "" : " ").Append(cells[i, j].PadLeft(width));
                html.Append("<td>").Append(WebUtility.HtmlEncode(cells[i, j])).Append("</td>");
            }
            text.Append('\n');
            html.Append("</tr>");
        }
        return new Dictionary<string, string> { [PlainText] = text.ToString().TrimEnd('\n'), [Html] = html.Append("</tbody></table>").ToString() };
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(decimal) || type == typeof(DateTime) || type == typeof(DateTimeOffset)
        || type == typeof(TimeSpan) || type == typeof(Guid) || type == typeof(Half) || type == typeof(Int128) || type == typeof(UInt128)
        || type == typeof(System.Numerics.BigInteger);

    private static string DescribeChart(GenericChart chart)
    {
        var names = GenericChart.getTraces(chart)
            .Select(trace => trace.TryGetPropertyValue("name") is { } name ? name.Value?.ToString() : null)
            .Where(name => !string.IsNullOrEmpty(name))
            .ToArray();
        var layout = GenericChart.getLayout(chart);
        string? title = layout.TryGetPropertyValue("title") is { } t && t.Value is DynamicObj.DynamicObj titleObj
                        && titleObj.TryGetPropertyValue("text") is { } text ? text.Value?.ToString() : null;
        var description = new StringBuilder("Plotly chart");
        if (!string.IsNullOrEmpty(title)) description.Append(CultureInfo.InvariantCulture, $" \"{title}\"");
        int count = GenericChart.countTrace(chart);
        description.Append(CultureInfo.InvariantCulture, $" ({count} trace{(count == 1 ? "" : "s")}");
        if (names.Length > 0) description.Append(": ").Append(string.Join(", ", names));
        return description.Append(')').ToString();
    }
}
