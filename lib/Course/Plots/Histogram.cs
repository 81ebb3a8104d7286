using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace Course.Plots;

/// <summary>Overlaid histograms of several sets of numbers on one axis, each normalised to a probability density.</summary>
/// <remarks>
/// Seed 003, "Anomaly detection by autoencoder": the reconstruction errors of normal inputs and of anomalies, side by side.
/// Notebook 09-autoencoder-applications draws them; where the two bumps overlap no threshold separates them.
/// </remarks>
public static class Histogram
{
    /// <summary>One translucent histogram per named set of values, on shared bins, normalised so each has area 1.</summary>
    /// <param name="title">Chart title.</param>
    /// <param name="xTitle">Label of the value axis.</param>
    /// <param name="numBins">Number of bins across the range of all values.</param>
    /// <param name="sets">(name, values) pairs, one histogram each.</param>
    /// <exception cref="ArgumentException">No set is given, a set is empty, or numBins is below 1.</exception>
    public static GenericChart Overlay(string title, string xTitle, int numBins, params (string Name, IReadOnlyList<double> Values)[] sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        if (sets.Length == 0) throw new ArgumentException("Histogram.Overlay needs at least one set of values.", nameof(sets));
        if (numBins < 1) throw new ArgumentOutOfRangeException(nameof(numBins), numBins, "numBins must be at least 1.");
        var empty = sets.FirstOrDefault(s => s.Values is null || s.Values.Count == 0);
        if (empty.Name is not null)
            throw new ArgumentException($"The set \"{empty.Name}\" has no values to draw.", nameof(sets));
        var all = sets.SelectMany(s => s.Values).Where(double.IsFinite).ToArray();
        double lo = all.Length == 0 ? 0 : all.Min(), hi = all.Length == 0 ? 1 : all.Max();
        double width = hi > lo ? (hi - lo) / numBins : 1;
        var traces = sets.Select(s =>
        {
            var bins = new Plotly.NET.TraceObjects.Bins();
            bins.SetProperty("start", lo);
            bins.SetProperty("end", hi + width);
            bins.SetProperty("size", width);
            return Chart.Histogram<double, double, string>(X: s.Values.Where(double.IsFinite).ToArray(), Name: s.Name, ShowLegend: true,
                                                            Opacity: 0.6, HistNorm: StyleParam.HistNorm.ProbabilityDensity)
                        .WithTraceProperty("xbins", bins);
        }).ToArray();
        var chart = Chart.Combine(traces).Titled(title).Axes(xTitle, "density").Sized();
        GenericChart.getLayout(chart).SetProperty("barmode", "overlay");
        return chart;
    }
}
