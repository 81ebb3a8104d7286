using System.Collections.Concurrent;

namespace Course.Interactive;

/// <summary>The figures one notebook recorded with <see cref="Metrics.Record"/>.</summary>
/// <remarks>
/// Each notebook engine owns one and makes it <see cref="Metrics.Recorder"/> while its cells run, so two
/// notebooks running at once in one process never see each other's metrics.
/// </remarks>
public sealed class MetricsRecorder
{
    private readonly ConcurrentDictionary<string, double> values = new(StringComparer.Ordinal);

    /// <summary>Record <paramref name="value"/> under <paramref name="name"/>, replacing an earlier value.</summary>
    /// <exception cref="ArgumentException">The name is empty or the value is not a finite number.</exception>
    public void Record(string name, double value)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException("Metrics.Record needs a non-empty metric name, e.g. Metrics.Record(\"test_accuracy\", acc).", nameof(name));
        if (!double.IsFinite(value))
            throw new ArgumentException($"Metrics.Record(\"{name}\", {value}): the value must be a finite number; check the computation that produced it.", nameof(value));
        values[name] = value;
    }

    /// <summary>The metrics recorded since the last <see cref="Reset"/>, sorted by name.</summary>
    public IReadOnlyDictionary<string, double> Snapshot() =>
        new SortedDictionary<string, double>(values.ToDictionary(kv => kv.Key, kv => kv.Value), StringComparer.Ordinal);

    /// <summary>Forget every recorded metric.</summary>
    public void Reset() => values.Clear();
}
