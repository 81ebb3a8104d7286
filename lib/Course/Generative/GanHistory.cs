using System.Collections;
using Course.Plots;
using Plotly.NET;

namespace Course.Generative;

/// <summary>Per-epoch figures of <see cref="GanTrainer.Fit"/>; <see cref="ToChart"/> draws the two losses and D's outputs.</summary>
/// <remarks>Seed 001, "GAN Training"; notebook 11-gan.</remarks>
public sealed class GanHistory : IReadOnlyList<GanEpoch>
{
    private readonly List<GanEpoch> epochs = [];

    /// <summary>Number of epochs recorded.</summary>
    public int Count => epochs.Count;

    /// <summary>The figures of the epoch at 0-based position <paramref name="index"/>.</summary>
    public GanEpoch this[int index] => epochs[index];

    /// <summary>The last epoch's figures, or null before the first epoch ends.</summary>
    public GanEpoch? Last => epochs.Count == 0 ? null : epochs[^1];

    /// <summary>Total wall-clock seconds.</summary>
    public double TotalSeconds => epochs.Sum(e => e.Seconds);

    /// <summary>Append one epoch's figures.</summary>
    public void Add(GanEpoch stats) => epochs.Add(stats);

    /// <summary>Discriminator and generator loss, D(x) and D(G(z)) per epoch, on one chart.</summary>
    public GenericChart ToChart(string title = "GAN training")
    {
        double[] Of(Func<GanEpoch, double> f) => epochs.Select(f).ToArray();
        return Curves.Lines(title, "epoch", "value",
            Series.Of("discriminator loss", Of(e => e.DiscriminatorLoss)), Series.Of("generator loss", Of(e => e.GeneratorLoss)),
            Series.Of("D(x)", Of(e => e.DReal)), Series.Of("D(G(z))", Of(e => e.DFake)));
    }

    /// <summary>One line per epoch.</summary>
    public override string ToString() =>
        epochs.Count == 0 ? "GanHistory: no epochs yet" : string.Join(Environment.NewLine, epochs.Select(e => e.ToString()));

    /// <summary>Enumerate the epochs in order.</summary>
    public IEnumerator<GanEpoch> GetEnumerator() => epochs.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
