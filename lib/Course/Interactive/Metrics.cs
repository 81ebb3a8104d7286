using System.Collections.Concurrent;

namespace Course;

/// <summary>Records the figures a notebook reports; the runner writes them to <c>metrics.json</c>.</summary>
/// <remarks>
/// Each lecture issue names its metrics (e.g. <c>setup_test_accuracy</c>); keep the names exactly.
/// <c>course run</c> collects them per notebook as <c>{ "&lt;stem&gt;": { "&lt;name&gt;": number } }</c>.
/// </remarks>
public static class Metrics
{
    private static readonly ConcurrentDictionary<string, double> values = new(StringComparer.Ordinal);

    /// <summary>Record <paramref name="value"/> under <paramref name="name"/>, replacing an earlier value.</summary>
    /// <exception cref="ArgumentException">The name is empty or the value is not a finite number.</exception>
    public static void Record(string name, double value)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException("Metrics.Record needs a non-empty metric name, e.g. Metrics.Record(\"test_accuracy\", acc).", nameof(name));
        if (!double.IsFinite(value))
            throw new ArgumentException($"Metrics.Record(\"{name}\", {value}): the value must be a finite number; check the computation that produced it.", nameof(value));
        values[name] = value;
    }

    /// <summary>The metrics recorded since the last <see cref="Reset"/>, sorted by name.</summary>
    public static IReadOnlyDictionary<string, double> Snapshot() =>
        new SortedDictionary<string, double>(values.ToDictionary(kv => kv.Key, kv => kv.Value), StringComparer.Ordinal);

    /// <summary>Forget every recorded metric (the runner calls this before each notebook).</summary>
    public static void Reset() => values.Clear();
}
