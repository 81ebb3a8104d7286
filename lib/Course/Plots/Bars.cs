using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace Course.Plots;

/// <summary>Grouped bar charts with error bars: several series side by side for each category.</summary>
/// <remarks>
/// Seed 004 (DL Seminar), Rifai et al.'s second table drawn as a chart: a group per data set, a bar per model, ± the
/// standard error of each test error. Notebook 08b-pretraining.
/// </remarks>
public static class Bars
{
    /// <summary>A bar per series for each of <paramref name="categories"/>, with error bars where a series has them.</summary>
    /// <exception cref="ArgumentException">No series is given, or a series has not one value (and error) per category.</exception>
    public static GenericChart Grouped(string title, string yTitle, IReadOnlyList<string> categories, params BarSeries[] series)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        if (series.Length == 0) throw new ArgumentException("Grouped needs at least one series.", nameof(series));
        foreach (var s in series)
            if (s.Values.Count != categories.Count || (s.Errors is not null && s.Errors.Count != categories.Count))
                throw new ArgumentException($"Series \"{s.Name}\" has {s.Values.Count} values and {s.Errors?.Count ?? 0} errors for {categories.Count} categories; give one per category.", nameof(series));
        var traces = series.Select(s =>
        {
            var bar = Chart.Column<double, string, string>(s.Values.ToArray(), Keys: categories.ToArray(), Name: s.Name, ShowLegend: true);
            return s.Errors is null ? bar : bar.WithTraceProperty("error_y",
                new Dictionary<string, object> { ["type"] = "data", ["array"] = s.Errors.ToArray(), ["visible"] = true });
        });
        return Chart.Combine(traces).Titled(title).Axes("", yTitle).Sized();
    }
}
