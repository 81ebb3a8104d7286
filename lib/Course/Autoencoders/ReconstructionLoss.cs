using Course.Training;
using static TorchSharp.torch;

namespace Course.Autoencoders;

/// <summary>The lecture's reconstruction error L = Σ_i (y_i − x_i)² over the pixels of a sample, averaged over the batch.</summary>
/// <remarks>
/// Seed 002, "Autoencoder": L = Σ (x_i − y_i)². Summed over pixels (not averaged) so that the penalty weights λ of
/// the sparse and contractive losses mean what they mean on the slides. Notebook 08-autoencoder-variants.
/// </remarks>
public static class ReconstructionLoss
{
    /// <summary>Σ over pixels of (y − x)², averaged over the B samples: a scalar.</summary>
    /// <param name="yHat">Reconstructions (B, …).</param>
    /// <param name="x">Clean targets, same shape.</param>
    /// <exception cref="ArgumentException">The shapes differ or there are no samples.</exception>
    public static Tensor SumOfSquares(Tensor yHat, Tensor x)
    {
        ArgumentNullException.ThrowIfNull(yHat);
        ArgumentNullException.ThrowIfNull(x);
        if (!yHat.shape.SequenceEqual(x.shape) || x.dim() == 0 || x.shape[0] == 0)
            throw new ArgumentException($"A reconstruction must have the shape of its input: yHat has shape {ShapeText.Of(yHat)}, x has shape {ShapeText.Of(x)}.", nameof(yHat));
        return (yHat - x).square().reshape(x.shape[0], -1).sum(1).mean();                         // (B, …) → (B) → ()
    }
}
