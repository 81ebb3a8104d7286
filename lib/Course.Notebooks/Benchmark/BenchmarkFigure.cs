namespace Course.Notebooks.Benchmark;

/// <summary>One figure <c>course bench</c> reports: its key, value, unit, and DESIGN.md's target if it has one.</summary>
/// <param name="Key">The JSON key, e.g. <c>ae_train_fraction_of_peak</c> (DESIGN.md, CLI).</param>
/// <param name="Value">The measured value.</param>
/// <param name="Unit">Unit shown on the terminal, e.g. <c>GFLOP/s</c>.</param>
/// <param name="Target">The target as text, e.g. <c>≥ 0.6</c>; empty when the figure is for information.</param>
/// <param name="Met">Whether the value meets <paramref name="Target"/>; null when there is no target.</param>
public sealed record BenchmarkFigure(string Key, double Value, string Unit, string Target = "", bool? Met = null)
{
    /// <summary>A figure that must be at least <paramref name="minimum"/>.</summary>
    public static BenchmarkFigure AtLeast(string key, double value, string unit, double minimum) =>
        new(key, value, unit, $"≥ {minimum:G}", value >= minimum);

    /// <summary>A figure that must be at most <paramref name="maximum"/>.</summary>
    public static BenchmarkFigure AtMost(string key, double value, string unit, double maximum) =>
        new(key, value, unit, $"≤ {maximum:G}", value <= maximum);
}
