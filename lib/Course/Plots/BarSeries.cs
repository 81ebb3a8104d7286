namespace Course.Plots;

/// <summary>One named group of bars: a value per category and, optionally, an error bar (± that much) on each.</summary>
/// <remarks>Input of <see cref="Bars.Grouped"/>; notebook 08b-pretraining draws one series per model, the test error ± its standard error.</remarks>
/// <param name="Name">Legend entry.</param>
/// <param name="Values">One value per category.</param>
/// <param name="Errors">Half-length of each error bar (null: none).</param>
public sealed record BarSeries(string Name, IReadOnlyList<double> Values, IReadOnlyList<double>? Errors = null);
