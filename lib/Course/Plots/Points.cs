using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace Course.Plots;

/// <summary>Scatter plots of 2-D points: one chart, or a grid of snapshots on shared square axes.</summary>
/// <remarks>
/// Seed 001, "GAN Training": what the generator's samples look like next to the real ones. Notebook 11-gan shows the
/// ring of Gaussians and snapshots of a GAN's samples during training (mode collapse is visible as empty modes).
/// </remarks>
public static class Points
{
    /// <summary>All <paramref name="sets"/> on one square chart; <paramref name="range"/> fixes both axes to [−range, range] (null: automatic).</summary>
    /// <exception cref="ArgumentException">No set is given, or a set's x and y counts differ.</exception>
    public static GenericChart Scatter(string title, double? range, params PointSet[] sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        if (sets.Length == 0) throw new ArgumentException("Points.Scatter needs at least one point set.", nameof(sets));
        var chart = Chart.Combine(sets.Select(s => Trace(s, showLegend: true))).Titled(title);
        return Square(chart, range, StyleParam.SubPlotId.NewXAxis(1), StyleParam.SubPlotId.NewYAxis(1)).Sized(560, 520);
    }

    /// <summary>A grid of snapshots, one small square chart each, all with axes [−range, range]; <paramref name="reference"/> (e.g. the modes) is drawn in every panel.</summary>
    /// <param name="title">Title above the grid.</param>
    /// <param name="panels">Title and points of each panel, in order.</param>
    /// <param name="range">Half-width of both axes.</param>
    /// <param name="columns">Panels per row.</param>
    /// <param name="reference">Points drawn in every panel (null: none).</param>
    /// <exception cref="ArgumentException">No panel, or columns &lt; 1.</exception>
    public static GenericChart Snapshots(string title, IReadOnlyList<(string Title, PointSet Points)> panels, double range,
                                         int columns = 4, PointSet? reference = null)
    {
        ArgumentNullException.ThrowIfNull(panels);
        if (panels.Count == 0) throw new ArgumentException("Points.Snapshots needs at least one panel.", nameof(panels));
        if (columns < 1) throw new ArgumentException($"Points.Snapshots needs at least one column, got {columns}.", nameof(columns));
        int cols = Math.Min(columns, panels.Count), rows = (panels.Count + cols - 1) / cols;
        var charts = panels.Select((p, i) =>
        {
            var traces = new List<GenericChart> { Trace(p.Points, showLegend: i == 0) };
            if (reference is not null) traces.Add(Trace(reference, showLegend: i == 0));
            return Chart.Combine(traces);
        }).ToArray();
        var grid = Chart.Grid(charts, rows, cols, SubPlotTitles: panels.Select(p => p.Title).ToArray());
        for (int i = 1; i <= panels.Count; i++)
            grid = Square(grid, range, StyleParam.SubPlotId.NewXAxis(i), StyleParam.SubPlotId.NewYAxis(i));
        return grid.Titled(title).Sized(220 * cols + 80, 220 * rows + 100);
    }

    private static GenericChart Square(GenericChart chart, double? range, StyleParam.SubPlotId xId, StyleParam.SubPlotId yId)
    {
        if (range is not double r) return chart;
        return chart.WithXAxisStyle<double, double, string>(MinMax: Tuple.Create(-r, r), Id: xId)
                    .WithYAxisStyle<double, double, string>(MinMax: Tuple.Create(-r, r), Id: yId);
    }

    private static GenericChart Trace(PointSet s, bool showLegend)
    {
        if (s.X.Count != s.Y.Count)
            throw new ArgumentException($"Point set \"{s.Name}\" has {s.X.Count} x values but {s.Y.Count} y values; they must pair up.", nameof(s));
        return Chart.Point<double, double, string>(s.X, s.Y, Name: s.Name, ShowLegend: showLegend, Opacity: 0.6)
                    .WithTraceProperty("marker", new Dictionary<string, object> { ["size"] = s.Size });
    }
}
