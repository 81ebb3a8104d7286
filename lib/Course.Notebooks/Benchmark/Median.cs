namespace Course.Notebooks.Benchmark;

/// <summary>The median of repeated timings: robust to the odd run another process slowed down.</summary>
internal static class Median
{
    /// <summary>The middle value (mean of the two middle ones for an even count).</summary>
    /// <exception cref="ArgumentException">There are no values.</exception>
    public static double Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) throw new ArgumentException("The median of no values is undefined; time at least one run.", nameof(values));
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
