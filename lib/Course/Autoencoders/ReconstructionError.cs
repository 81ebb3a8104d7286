using Course.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Course.Autoencoders;

/// <summary>How far a reconstruction y is from its input x: the lecture's L = Σ (x_i − y_i)², averaged per pixel.</summary>
/// <remarks>
/// Seed 002, "Autoencoder": <c>L = Σ_i (x_i − y_i)²</c>; seed 003, "Anomaly detection by autoencoder": an input far from
/// the training data is reconstructed badly, so its error is a score of how unusual it is. We report the mean over the
/// D pixels (the per-pixel MSE, what <c>functional.mse_loss</c> computes), which is the sum divided by D.
/// Notebook 07-autoencoder reports <see cref="Mean"/> on the test digits; 09-autoencoder-applications scores anomalies with <see cref="Of"/>.
/// </remarks>
public static class ReconstructionError
{
    /// <summary>Per-sample mean squared error between inputs and reconstructions.</summary>
    /// <param name="x">Inputs (B, …).</param>
    /// <param name="y">Reconstructions with the same number of values per sample as <paramref name="x"/>.</param>
    /// <returns>(B): <c>(1/D) Σ_j (x_bj − y_bj)²</c> for each sample b.</returns>
    /// <exception cref="ArgumentException">The two do not hold the same number of samples and values.</exception>
    public static Tensor PerSample(Tensor x, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.dim() == 0 || y.dim() == 0 || x.shape[0] != y.shape[0] || x.numel() != y.numel())
            throw new ArgumentException($"x has shape {ShapeText.Of(x)} but y has shape {ShapeText.Of(y)}: a reconstruction needs as many samples and values as its input.", nameof(y));
        long b = x.shape[0];
        var diff = x.reshape(b, -1) - y.reshape(b, -1);                                // (B, D)
        return diff.square().mean([1]);                                               // (B)
    }

    /// <summary>Per-sample reconstruction error of every row of <paramref name="X"/> under <paramref name="net"/>, in batches, without gradients.</summary>
    /// <param name="net">The autoencoder (any module whose output has the input's values per sample); eval mode while scoring.</param>
    /// <param name="X">Inputs (N, …).</param>
    /// <param name="batchSize">Samples per forward pass.</param>
    /// <returns>(N) errors, detached.</returns>
    public static Tensor Of(nn.Module<Tensor, Tensor> net, Tensor X, int batchSize = 1024)
    {
        ArgumentNullException.ThrowIfNull(net);
        ArgumentNullException.ThrowIfNull(X);
        using var scope = torch.NewDisposeScope();
        var yHat = Scores.Predict(net, X, batchSize);                                 // (N, D)
        return PerSample(X, yHat).MoveToOuterDisposeScope();                          // (N)
    }

    /// <summary>The mean per-pixel squared error over all of <paramref name="X"/> (the <c>ae_test_mse</c> of notebook 07-autoencoder).</summary>
    /// <param name="net">The autoencoder.</param>
    /// <param name="X">Inputs (N, …).</param>
    /// <param name="batchSize">Samples per forward pass.</param>
    public static double Mean(nn.Module<Tensor, Tensor> net, Tensor X, int batchSize = 1024)
    {
        using var scope = torch.NewDisposeScope();
        return Of(net, X, batchSize).mean().item<float>();
    }
}
