using System.Globalization;

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
