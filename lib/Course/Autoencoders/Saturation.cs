using Course.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Course.Autoencoders;

/// <summary>How many sigmoid hidden units sit near 0 or 1, where they barely respond to the input.</summary>
/// <remarks>
/// Rifai et al., "Contractive Auto-Encoders" (2011), Table 1's "SAT" (seed 004, DL Seminar, the results table):
/// the average fraction of saturated units per sample. Notebook 08-autoencoder-variants reports it for AE, DAE and CAE.
/// </remarks>
public static class Saturation
{
    /// <summary>The fraction of saturated hidden units of each sample: h_j &lt; <paramref name="margin"/> or h_j &gt; 1 − <paramref name="margin"/>.</summary>
    /// <remarks>Rifai et al. (2011), Table 1's "SAT", with their threshold 0.05: a contractive encoder saturates most units, keeping only a few sensitive ones.</remarks>
    /// <param name="code">Sigmoid codes (B, H).</param>
    /// <param name="margin">Distance from 0 or 1 that counts as saturated, in (0, 0.5).</param>
    /// <returns>(B), values in [0, 1].</returns>
    /// <exception cref="ArgumentException">The code is not (B, H) or the margin is outside (0, 0.5).</exception>
    public static Tensor Fraction(Tensor code, double margin = 0.05)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.dim() != 2)
            throw new ArgumentException($"Saturation.Fraction needs codes shaped (B, H), got {ShapeText.Of(code)}.", nameof(code));
        if (!(margin > 0 && margin < 0.5))
            throw new ArgumentException($"The saturation margin must lie in (0, 0.5), got {margin}.", nameof(margin));
        using var scope = torch.NewDisposeScope();
        var saturated = (code < margin).logical_or(code > 1 - margin);                           // (B, H) bool
        return saturated.to_type(code.dtype).mean([1L]).MoveToOuterDisposeScope();              // (B)
    }
}
