using System.Collections;
using System.Globalization;
using Course.Plots;
using Plotly.NET;

namespace Course.Generative;

/// <summary>The figures of one GAN training epoch: both losses and what the discriminator says about real and fake samples.</summary>
/// <remarks>Seed 001, "GAN Training": D(x) close to 1 and D(G(z)) close to 0 mean the discriminator is winning. Notebook 11-gan.</remarks>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="DiscriminatorLoss">Mean of −log D(x) − log(1 − D(G(z))) over the epoch's batches.</param>
/// <param name="GeneratorLoss">Mean generator loss (saturating or non-saturating, as trained).</param>
/// <param name="DReal">Mean D(x) on real samples.</param>
/// <param name="DFake">Mean D(G(z)) on fake samples (before the generator's step).</param>
/// <param name="Seconds">Wall-clock seconds of the epoch.</param>
/// <param name="SamplesPerSecond">Real samples per second.</param>
public sealed record GanEpoch(int Epoch, double DiscriminatorLoss, double GeneratorLoss, double DReal, double DFake, double Seconds, double SamplesPerSecond)
{
    /// <summary>One line such as <c>epoch 3/10 · D loss 1.21 · G loss 0.95 · D(x) 0.58 · D(G(z)) 0.42 · 9,100 samples/s · 0.9 s</c>.</summary>
    public string ToString(int numEpochs) => string.Create(CultureInfo.InvariantCulture,
        $"epoch {Epoch}{(numEpochs > 0 ? $"/{numEpochs}" : "")} · D loss {DiscriminatorLoss:F3} · G loss {GeneratorLoss:F3} · D(x) {DReal:F2} · D(G(z)) {DFake:F2} · {SamplesPerSecond:N0} samples/s · {Seconds:F1} s");

    /// <summary>One line of figures.</summary>
    public override string ToString() => ToString(0);
}

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
