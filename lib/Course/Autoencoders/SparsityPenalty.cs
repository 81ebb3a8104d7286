using Course.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Course.Autoencoders;

/// <summary>The sparse autoencoder's penalties on the code h: L1, λ Σ|h|, L2, λ Σ|h|², and KL, β Σ_j KL(ρ‖ρ̂_j).</summary>
/// <remarks>
/// Seed 002, "sparse Autoencoder": L = Σ(y − x)² + λ Σ|h|, "L2 norm": + λ Σ|h|², and L = Σ(y − x)² + λ Σ_j KL(ρ‖ρ̂_j) with ρ̂_j = (1/m) Σ_i h_j(x_i),
/// the mean activation of hidden unit j over the m samples of a batch (the slide writes p̂ for the target ρ and p_j for ρ̂_j).
/// Ng, "Sparse autoencoder" (CS294A notes, 2011). Notebook 08-autoencoder-variants adds these to the reconstruction error.
/// </remarks>
public static class SparsityPenalty
{
    /// <summary>Σ_j |h_j| per sample, averaged over the batch: the lecture's L1 term without its λ.</summary>
    /// <param name="code">Codes h (B, H).</param>
    /// <returns>A scalar tensor.</returns>
    /// <exception cref="ArgumentException">The code is not 2-D or has no rows.</exception>
    public static Tensor L1(Tensor code)
    {
        RequireCode(code, "L1");
        return code.abs().sum(1).mean();                                                         // (B, H) → (B) → ()
    }

    /// <summary>Σ_j h_j² per sample, averaged over the batch: the lecture's L2 term without its λ.</summary>
    /// <remarks>Its gradient 2h_j shrinks an activation in proportion to its size: large ones fall fast, small ones hardly
    /// move, so L2 keeps activations small rather than exactly 0 (L1's gradient is the same for every nonzero h_j).</remarks>
    /// <param name="code">Codes h (B, H).</param>
    /// <returns>A scalar tensor.</returns>
    /// <exception cref="ArgumentException">The code is not 2-D or has no rows.</exception>
    public static Tensor L2(Tensor code)
    {
        RequireCode(code, "L2");
        return code.square().sum(1).mean();                                                      // (B, H) → (B) → ()
    }

    /// <summary>ρ̂_j = (1/m) Σ_i h_j(x_i): the mean activation of every hidden unit over the batch.</summary>
    /// <param name="code">Codes h (B, H).</param>
    /// <returns>(H).</returns>
    /// <exception cref="ArgumentException">The code is not 2-D or has no rows.</exception>
    public static Tensor MeanActivation(Tensor code)
    {
        RequireCode(code, "MeanActivation");
        return code.mean([0L]);                                                                   // (B, H) → (H)
    }

    /// <summary>Σ_j KL(ρ‖ρ̂_j) = Σ_j [ρ log(ρ/ρ̂_j) + (1 − ρ) log((1 − ρ)/(1 − ρ̂_j))]: the divergence of Bernoulli(ρ̂_j) from the target Bernoulli(ρ).</summary>
    /// <param name="rho">Target mean activation ρ in (0, 1), e.g. 0.05.</param>
    /// <param name="rhoHat">Mean activations ρ̂ (H), each in [0, 1]; clamped to [1e-6, 1 − 1e-6] so the logarithms stay finite.</param>
    /// <returns>A scalar tensor, 0 exactly when every ρ̂_j = ρ.</returns>
    /// <exception cref="ArgumentException">ρ is outside (0, 1), ρ̂ is not 1-D, or a ρ̂_j is outside [0, 1] (not a sigmoid unit).</exception>
    public static Tensor KlDivergence(double rho, Tensor rhoHat)
    {
        ArgumentNullException.ThrowIfNull(rhoHat);
        if (!(rho > 0 && rho < 1))
            throw new ArgumentException($"The sparsity target ρ must lie strictly between 0 and 1, got ρ = {rho}.", nameof(rho));
        if (rhoHat.dim() != 1)
            throw new ArgumentException($"KlDivergence needs the mean activations ρ̂ as a vector (H), got shape {ShapeText.Of(rhoHat)}; use MeanActivation(code) or Kl(code, ρ).", nameof(rhoHat));
        double low, high;
        using (var scope = torch.NewDisposeScope())
            (low, high) = (rhoHat.min().ToDouble(), rhoHat.max().ToDouble());
        if (low < 0 || high > 1)
            throw new ArgumentException($"Mean activations ρ̂ must lie in [0, 1] for the KL penalty, got values from {low:G4} to {high:G4}: use sigmoid hidden units (or the L1 penalty).", nameof(rhoHat));
        var p = rhoHat.clamp(1e-6, 1 - 1e-6);                                                    // (H)
        return (rho * (rho / p).log() + (1 - rho) * ((1 - rho) / (1 - p)).log()).sum();
    }

    /// <summary>The KL sparsity penalty of a batch of codes: <c>KlDivergence(ρ, MeanActivation(code))</c>.</summary>
    /// <param name="code">Sigmoid codes h (B, H), values in [0, 1].</param>
    /// <param name="rho">Target mean activation ρ, e.g. 0.05.</param>
    /// <exception cref="ArgumentException">As for <see cref="MeanActivation"/> and <see cref="KlDivergence"/>.</exception>
    public static Tensor Kl(Tensor code, double rho) => KlDivergence(rho, MeanActivation(code));

    private static void RequireCode(Tensor code, string penalty)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.dim() != 2 || code.shape[0] == 0)
            throw new ArgumentException($"{penalty} needs codes shaped (B, H) with B ≥ 1, one row per sample; got {ShapeText.Of(code)}.", nameof(code));
    }
}
