using System.Globalization;

namespace Course.Generative;

/// <summary>One epoch of VAE training: the training −ELBO and the held-out reconstruction and regularization terms.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="TrainNegativeElbo">Mean −ELBO over the epoch's training batches (nats per image; the weights changed during the epoch).</param>
/// <param name="Test">Held-out terms after the epoch.</param>
/// <param name="Seconds">Wall-clock seconds of the epoch, evaluation included.</param>
/// <param name="SamplesPerSecond">Training throughput of the gradient steps.</param>
public sealed record ElboEpoch(int Epoch, double TrainNegativeElbo, ElboSummary Test, double Seconds, double SamplesPerSecond)
{
    /// <summary>E.g. <c>epoch 3/30 · train −ELBO 130.21 · test −ELBO 125.40 = reconstruction 104.12 + KL 21.28 · 21,000 samples/s · 0.4 s</c>.</summary>
    public string ToString(int numEpochs) => string.Create(CultureInfo.InvariantCulture,
        $"epoch {Epoch}{(numEpochs > 0 ? $"/{numEpochs}" : "")} · train −ELBO {TrainNegativeElbo:F2} · test −ELBO {Test.NegativeElbo:F2} = reconstruction {Test.Reconstruction:F2} + KL {Test.Regularization:F2} · {SamplesPerSecond:N0} samples/s · {Seconds:F1} s");

    /// <summary>One line of figures.</summary>
    public override string ToString() => ToString(0);
}
