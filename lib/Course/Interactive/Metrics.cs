using Course.Interactive;

namespace Course;

/// <summary>Records the figures a notebook reports; the runner writes them to <c>metrics.json</c>.</summary>
/// <remarks>
/// Each lecture issue names its metrics (e.g. <c>setup_test_accuracy</c>); keep the names exactly.
/// <c>course run</c> collects them per notebook as <c>{ "&lt;stem&gt;": { "&lt;name&gt;": number } }</c>.
/// Values go to the running notebook's own <see cref="MetricsRecorder"/> (it flows with the cell's
/// async context, into tasks the cell starts); outside a notebook, to one recorder for the process.
/// </remarks>
public static class Metrics
{
    private static readonly MetricsRecorder outsideNotebooks = new();
    private static readonly AsyncLocal<MetricsRecorder?> current = new();

    /// <summary>Where <see cref="Record"/> writes: the running notebook's recorder, or the process's outside a notebook.</summary>
    /// <remarks>The notebook engine sets this for the cells it runs; setting null returns to the process's recorder.</remarks>
    public static MetricsRecorder Recorder
    {
        get => current.Value ?? outsideNotebooks;
        set => current.Value = value;
    }

    /// <summary>Record <paramref name="value"/> under <paramref name="name"/>, replacing an earlier value.</summary>
    /// <exception cref="ArgumentException">The name is empty or the value is not a finite number.</exception>
    public static void Record(string name, double value) => Recorder.Record(name, value);

    /// <summary>The metrics recorded in this context since the last <see cref="Reset"/>, sorted by name.</summary>
    public static IReadOnlyDictionary<string, double> Snapshot() => Recorder.Snapshot();

    /// <summary>Forget every metric recorded in this context.</summary>
    public static void Reset() => Recorder.Reset();
}
