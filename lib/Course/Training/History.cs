using System.Collections;
using Plotly.NET;

namespace Course.Training;

/// <summary>Per-epoch training figures returned by <see cref="Trainer"/>; <see cref="ToChart"/> draws the loss curves.</summary>
/// <remarks>
/// Seed 001 (Lecture 11), "Review: ANN" (training by gradient steps).
/// Notebook 00-setup shows <c>history.ToChart()</c> after training an MLP on MNIST; every later notebook
/// compares models by their histories. Custom loops (the GAN in 11-gan) may <see cref="Add"/> rows themselves.
/// </remarks>
public sealed class History : IReadOnlyList<EpochStats>
{
    private readonly List<EpochStats> epochs = [];

    /// <summary>An empty history whose metric is called <paramref name="metricName"/>.</summary>
    public History(string metricName = "accuracy") => MetricName = metricName;

    /// <summary>Name of the held-out metric, e.g. "accuracy".</summary>
    public string MetricName { get; }

    /// <summary>Number of epochs recorded.</summary>
    public int Count => epochs.Count;

    /// <summary>The figures of the epoch at 0-based position <paramref name="index"/>.</summary>
    public EpochStats this[int index] => epochs[index];

    /// <summary>The last epoch's figures, or null before the first epoch ends.</summary>
    public EpochStats? Last => epochs.Count == 0 ? null : epochs[^1];

    /// <summary>Training loss per epoch.</summary>
    public double[] TrainLoss => epochs.Select(e => e.TrainLoss).ToArray();

    /// <summary>Held-out loss per epoch (NaN where there was no held-out data).</summary>
    public double[] TestLoss => epochs.Select(e => e.TestLoss).ToArray();

    /// <summary>Held-out metric per epoch (NaN where there was none).</summary>
    public double[] TestMetric => epochs.Select(e => e.TestMetric).ToArray();

    /// <summary>Total wall-clock seconds over all epochs.</summary>
    public double TotalSeconds => epochs.Sum(e => e.Seconds);

    /// <summary>Append one epoch's figures.</summary>
    public void Add(EpochStats stats) => epochs.Add(stats);

    /// <summary>The loss curves (train vs test, epochs on x) and the metric on a right-hand axis.</summary>
    public GenericChart ToChart(string title = "Training curves") => Course.Plots.Curves.Loss(this, title);

    /// <summary>A table with one line per epoch.</summary>
    public override string ToString() =>
        epochs.Count == 0 ? "History: no epochs yet" : string.Join(Environment.NewLine, epochs.Select(e => e.ToString(MetricName)));

    /// <summary>Enumerate the epochs in order.</summary>
    public IEnumerator<EpochStats> GetEnumerator() => epochs.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
