using System.Globalization;
using Course.Training;
using Plotly.NET;
using TorchSharp;
using static TorchSharp.torch;
using Chart = Plotly.NET.CSharp.Chart;

namespace Course.Plots;

/// <summary>Scatter plots of 2-D points coloured by group, one legend entry per group (click one to hide it).</summary>
/// <remarks>
/// Seed 004, "MNIST Data → 2D manifold": the 2-D codes of an autoencoder, one colour per digit. Notebook 07-autoencoder
/// draws the latent space of the lecture's network and of PCA; 09-autoencoder-applications colours codes by cluster.
/// </remarks>
public static class Scatter
{
    /// <summary>Most points drawn; larger sets are thinned to evenly spaced rows so the page stays light.</summary>
    public const int DefaultMaxPoints = 5000;

    /// <summary>Points (N, 2) coloured by their group (N), e.g. 2-D codes coloured by digit.</summary>
    /// <param name="points">(N, 2) coordinates (any real dtype).</param>
    /// <param name="groups">(N) integer group of each point, e.g. labels or cluster numbers.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="xTitle">x axis label.</param>
    /// <param name="yTitle">y axis label.</param>
    /// <param name="groupName">Prefix of each legend entry, e.g. "digit" gives "digit 3" (empty: the number alone).</param>
    /// <param name="maxPoints">Most points drawn (evenly spaced rows are kept).</param>
    /// <exception cref="ArgumentException">points is not (N, 2), or groups is not (N).</exception>
    public static GenericChart Groups(Tensor points, Tensor groups, string title = "", string xTitle = "z₁", string yTitle = "z₂",
                                      string groupName = "", int maxPoints = DefaultMaxPoints)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(groups);
        if (points.dim() != 2 || points.shape[1] != 2)
            throw new ArgumentException($"Scatter.Groups needs points of shape (N, 2), got {ShapeText.Of(points)}; project them to 2-D first (e.g. with PCA).", nameof(points));
        if (groups.dim() != 1 || groups.shape[0] != points.shape[0])
            throw new ArgumentException($"points has shape {ShapeText.Of(points)} but groups has shape {ShapeText.Of(groups)}: give one group per point.", nameof(groups));
        using var scope = torch.NewDisposeScope();
        var xy = points.detach().cpu().to_type(ScalarType.Float64).contiguous();
        var x = xy[.., 0].contiguous().data<double>().ToArray();
        var y = xy[.., 1].contiguous().data<double>().ToArray();
        var g = groups.cpu().to_type(ScalarType.Int64).data<long>().ToArray();
        string prefix = groupName.Length == 0 ? "" : groupName + " ";
        var names = g.Select(v => prefix + v.ToString(CultureInfo.InvariantCulture)).ToArray();
        var order = g.Distinct().Order().Select(v => prefix + v.ToString(CultureInfo.InvariantCulture)).ToArray();
        return Points(x, y, names, title, xTitle, yTitle, maxPoints, order);
    }

    /// <summary>Points (x[i], y[i]) coloured by the group name of each point.</summary>
    /// <param name="x">x coordinates.</param>
    /// <param name="y">y coordinates, as many as x.</param>
    /// <param name="groups">Group name of each point (one trace, colour and legend entry per distinct name).</param>
    /// <param name="title">Chart title.</param>
    /// <param name="xTitle">x axis label.</param>
    /// <param name="yTitle">y axis label.</param>
    /// <param name="maxPoints">Most points drawn (evenly spaced points are kept).</param>
    /// <param name="groupOrder">Order of the legend entries (null: order of first appearance).</param>
    /// <exception cref="ArgumentException">The three lists differ in length, or maxPoints is below 1.</exception>
    public static GenericChart Points(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<string> groups, string title = "",
                                      string xTitle = "x", string yTitle = "y", int maxPoints = DefaultMaxPoints, IReadOnlyList<string>? groupOrder = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(groups);
        if (x.Count != y.Count || x.Count != groups.Count)
            throw new ArgumentException($"Scatter got {x.Count} x values, {y.Count} y values and {groups.Count} groups; they must pair up.", nameof(groups));
        if (maxPoints < 1) throw new ArgumentOutOfRangeException(nameof(maxPoints), maxPoints, "maxPoints must be at least 1.");
        int n = x.Count, shown = Math.Min(n, maxPoints);
        var kept = Enumerable.Range(0, shown).Select(i => (int)((long)i * n / shown)).ToArray();   // evenly spaced rows
        var order = groupOrder ?? groups.Distinct().ToArray();
        var traces = new List<GenericChart>();
        foreach (var name in order)
        {
            var rows = kept.Where(i => groups[i] == name).ToArray();
            if (rows.Length == 0) continue;
            var trace = Chart.Point<double, double, string>(rows.Select(i => x[i]).ToArray(), rows.Select(i => y[i]).ToArray(),
                                                            Name: name, ShowLegend: true, Opacity: 0.7);
            var marker = new Plotly.NET.TraceObjects.Marker();
            marker.SetProperty("size", 4);
            traces.Add(trace.WithTraceProperty("marker", marker));
        }
        if (traces.Count == 0) traces.Add(Chart.Point<double, double, string>(Array.Empty<double>(), Array.Empty<double>(), Name: "no points"));
        string subtitle = shown < n ? $" ({shown:N0} of {n:N0} points)" : "";
        return Chart.Combine(traces).Titled(title + subtitle).Axes(xTitle, yTitle).Sized(ChartStyle.Width, 560);
    }
}
