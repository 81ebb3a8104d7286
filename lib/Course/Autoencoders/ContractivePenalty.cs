using Course.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Course.Autoencoders;

/// <summary>The contractive autoencoder's penalty ‖J_f(x)‖²_F: analytic for a sigmoid encoder, and its stochastic (SCAE) estimate.</summary>
/// <remarks>
/// Seed 004 (DL Seminar), "L_SCAE … Stochastic Regularization ≈ Analytic Regularization (CAE)"; Rifai et al.,
/// "Contractive Auto-Encoders" (ICML 2011), eq. 2 and §5. For h = σ(Wx + b), ∂h_j/∂x_i = h_j(1 − h_j) W_ji, so
/// ‖J_f(x)‖²_F = Σ_j (h_j(1 − h_j))² Σ_i W_ji²: no Jacobian is ever built. Notebook 08-autoencoder-variants checks it
/// against <see cref="Jacobian.Of"/> (autograd) and trains a CAE with it.
/// </remarks>
public static class ContractivePenalty
{
    /// <summary>‖J_f(x)‖²_F of every sample for the sigmoid encoder h = σ(Wx + b), from its codes and W.</summary>
    /// <param name="code">Codes h = σ(Wx + b) (B, H).</param>
    /// <param name="weight">The encoder's W (H, D), e.g. <see cref="SigmoidAutoencoder.EncoderWeight"/>.</param>
    /// <returns>(B): Σ_j (h_j(1 − h_j))² ‖W_j‖² per sample; differentiable in both arguments.</returns>
    /// <exception cref="ArgumentException">The shapes do not fit: code (B, H) and weight (H, D).</exception>
    public static Tensor Analytic(Tensor code, Tensor weight)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(weight);
        if (code.dim() != 2 || weight.dim() != 2 || code.shape[1] != weight.shape[0])
            throw new ArgumentException($"Analytic needs codes (B, H) and encoder weights (H, D) with the same H; got code {ShapeText.Of(code)} and weight {ShapeText.Of(weight)}.", nameof(weight));
        var slope = code * (1 - code);                                                           // (B, H)  σ'(a_j) = h_j(1 − h_j)
        var rowNorms = weight.square().sum(1);                                                   // (H)     Σ_i W_ji²
        return slope.square().matmul(rowNorms);                                                  // (B)
    }

    /// <summary>The SCAE estimate E_ε‖h(x) − h(x + ε)‖² / σ², ε ~ N(0, σ²I), averaged over <paramref name="numSamples"/> draws per sample.</summary>
    /// <remarks>
    /// For small σ, h(x + ε) ≈ h(x) + J ε, and E‖J ε‖² = σ² ‖J‖²_F, so this estimates the analytic penalty for any
    /// encoder, without derivatives. (The slide leaves out the 1/σ², which only rescales λ.)
    /// </remarks>
    /// <param name="encode">The encoder x (B, D) → h (B, H).</param>
    /// <param name="x">Inputs (B, D).</param>
    /// <param name="sigma">Noise standard deviation σ &gt; 0.</param>
    /// <param name="numSamples">Noisy copies per sample (the slide's L).</param>
    /// <param name="generator">Random source (null: torch's global generator).</param>
    /// <returns>(B), differentiable through <paramref name="encode"/>.</returns>
    /// <exception cref="ArgumentException">σ ≤ 0, numSamples &lt; 1, or x is not (B, D).</exception>
    public static Tensor Stochastic(Func<Tensor, Tensor> encode, Tensor x, double sigma, int numSamples = 1, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(encode);
        ArgumentNullException.ThrowIfNull(x);
        if (!(sigma > 0) || double.IsInfinity(sigma))
            throw new ArgumentException($"The SCAE noise σ must be a positive number, got σ = {sigma}.", nameof(sigma));
        if (numSamples < 1)
            throw new ArgumentException($"numSamples must be at least 1, got {numSamples}.", nameof(numSamples));
        if (x.dim() != 2)
            throw new ArgumentException($"Stochastic needs inputs shaped (B, D), got {ShapeText.Of(x)}.", nameof(x));
        long b = x.shape[0], d = x.shape[1];
        var h = encode(x);                                                                       // (B, H)
        var noisy = x.unsqueeze(0).expand(numSamples, b, d).reshape(numSamples * b, d);
        noisy = noisy + sigma * torch.randn(noisy.shape, x.dtype, x.device, generator: generator);   // (L·B, D)
        var hNoisy = encode(noisy).reshape(numSamples, b, -1);                                   // (L, B, H)
        return (hNoisy - h.unsqueeze(0)).square().sum(2).mean([0L]) / (sigma * sigma);             // (B)
    }
}
