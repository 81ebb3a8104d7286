using Course.Training;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace Course.Plots;

/// <summary>Line charts: a curve, several curves, and the training curves of a <see cref="History"/>.</summary>
/// <remarks>
/// Seed 001 (Lecture 11), "Review: ANN": the loss falls as the weights follow the gradient.
/// Notebook 00-setup shows <c>Curves.Loss(history)</c> (also <c>history.ToChart()</c>); later notebooks compare
/// runs with <see cref="Lines"/>. Charts are Plotly.NET <see cref="GenericChart"/>s that notebooks display directly.
/// </remarks>
public static class Curves
{
    /// <summary>One curve of <paramref name="y"/> against <paramref name="x"/>, with a title and axis labels.</summary>
    public static GenericChart Line(IReadOnlyList<double> x, IReadOnlyList<double> y, string name = "", string title = "",
                                    string xTitle = "x", string yTitle = "y") =>
        Lines(title, xTitle, yTitle, new Series(name, x, y));

    /// <summary>Several curves on shared axes, one legend entry each.</summary>
    /// <exception cref="ArgumentException">A series has different numbers of x and y values, or no series is given.</exception>
    public static GenericChart Lines(string title, string xTitle, string yTitle, params Series[] series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Length == 0) throw new ArgumentException("Lines needs at least one series.", nameof(series));
        var traces = series.Select(Trace).ToArray();
        return Chart.Combine(traces).Titled(title).Axes(xTitle, yTitle).Sized();
    }

    /// <summary>Training and test loss per epoch; the held-out metric (e.g. accuracy) on a right-hand axis.</summary>
    public static GenericChart Loss(History history, string title = "Training curves")
    {
        ArgumentNullException.ThrowIfNull(history);
        var epochs = history.Select(e => (double)e.Epoch).ToArray();
        var traces = new List<GenericChart> { Trace(new Series("train loss", epochs, history.TrainLoss)) };
        if (history.TestLoss.Any(double.IsFinite)) traces.Add(Trace(new Series("test loss", epochs, history.TestLoss)));
        bool hasMetric = history.TestMetric.Any(double.IsFinite);
        if (hasMetric)
            traces.Add(Trace(new Series($"test {history.MetricName}", epochs, history.TestMetric)).OnYAxis(2));
        var chart = Chart.Combine(traces).Titled(title).Axes("epoch", "loss");
        if (hasMetric)
            chart = chart.WithYAxisStyle<double, double, string>(
                TitleText: history.MetricName, Side: StyleParam.Side.Right,
                Overlaying: StyleParam.LinearAxisId.NewY(1), ShowGrid: false, Id: StyleParam.SubPlotId.NewYAxis(2));
        return chart.Sized();
    }

    private static GenericChart Trace(Series s)
    {
        if (s.X.Count != s.Y.Count)
            throw new ArgumentException($"Series \"{s.Name}\" has {s.X.Count} x values but {s.Y.Count} y values; they must pair up.", nameof(s));
        var points = Enumerable.Range(0, s.X.Count).Where(i => double.IsFinite(s.X[i]) && double.IsFinite(s.Y[i])).ToArray();
        return Chart.Line<double, double, string>(
            points.Select(i => s.X[i]).ToArray(), points.Select(i => s.Y[i]).ToArray(),
            ShowMarkers: points.Length <= 50, Name: s.Name, ShowLegend: true);
    }
}
