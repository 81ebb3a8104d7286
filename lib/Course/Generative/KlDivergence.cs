using static TorchSharp.torch;

namespace Course.Generative;

/// <summary>KL(q(z|x) ‖ p(z)) between the encoder's Gaussian q = N(μ, diag σ²) and the prior p = N(0, I): closed form and Monte-Carlo estimate.</summary>
/// <remarks>
/// Seed 003, "KL Divergence": KL(P‖Q) = −0.5 · Σ_i (1 + log σ_i² − μ_i² − σ_i²); seed 000, "VAE": the objective's
/// regularization term −D_KL(q_φ(z|x) ‖ p_θ(z)). Kingma &amp; Welling, Auto-Encoding Variational Bayes (2014), appendix B.
/// Notebook 10-vae derives it for one dimension, checks it against <see cref="MonteCarlo"/> and uses it in the VAE loss.
/// </remarks>
public static class KlDivergence
{
    /// <summary>Closed form −½ Σ_j (1 + log σ_j² − μ_j² − σ_j²), summed over the last dimension (the latent variables).</summary>
    /// <param name="mu">Means μ (…, D), e.g. the encoder's (B, D).</param>
    /// <param name="logVar">log σ² (…, D), same shape.</param>
    /// <returns>KL in nats (…), one per distribution, e.g. (B): one per image.</returns>
    /// <exception cref="ArgumentException">The shapes differ or the tensors are not floating point.</exception>
    public static Tensor ToStandardNormal(Tensor mu, Tensor logVar)
    {
        DiagonalGaussian.RequireMeanAndLogVar(mu, logVar, nameof(ToStandardNormal));
        using var scope = NewDisposeScope();
        var kl = -0.5 * (1 + logVar - mu.pow(2) - logVar.exp()).sum(-1);                  // (…)
        return kl.MoveToOuterDisposeScope();
    }

    /// <summary>The one-dimensional closed form KL(N(μ, σ²) ‖ N(0, 1)) = ½ (σ² + μ² − 1 − log σ²), for hand calculations.</summary>
    /// <param name="mu">The mean μ.</param>
    /// <param name="sigma">The standard deviation σ &gt; 0.</param>
    /// <exception cref="ArgumentException">σ is not a positive finite number.</exception>
    public static double ToStandardNormal(double mu, double sigma)
    {
        if (!(sigma > 0) || double.IsInfinity(sigma))
            throw new ArgumentException($"σ must be a positive finite number, got {sigma}; a Gaussian needs a positive standard deviation.", nameof(sigma));
        if (!double.IsFinite(mu)) throw new ArgumentException($"μ must be a finite number, got {mu}.", nameof(mu));
        return 0.5 * (sigma * sigma + mu * mu - 1 - Math.Log(sigma * sigma));
    }

    /// <summary>Closed form KL(N(μ₁, σ₁²) ‖ N(μ₂, σ₂²)) = ½ Σ_j (log σ₂² − log σ₁² + (σ₁² + (μ₁ − μ₂)²)/σ₂² − 1); with μ₂ = 0, σ₂ = 1 it is <see cref="ToStandardNormal(Tensor, Tensor)"/>.</summary>
    /// <param name="mu1">Means of q (…, D).</param>
    /// <param name="logVar1">log σ² of q (…, D).</param>
    /// <param name="mu2">Means of p (…, D), broadcast against q.</param>
    /// <param name="logVar2">log σ² of p, shaped like <paramref name="mu2"/>.</param>
    /// <returns>KL in nats (…).</returns>
    public static Tensor Between(Tensor mu1, Tensor logVar1, Tensor mu2, Tensor logVar2)
    {
        DiagonalGaussian.RequireMeanAndLogVar(mu1, logVar1, nameof(Between));
        DiagonalGaussian.RequireMeanAndLogVar(mu2, logVar2, nameof(Between));
        using var scope = NewDisposeScope();
        var kl = 0.5 * (logVar2 - logVar1 + (logVar1.exp() + (mu1 - mu2).pow(2)) * (-logVar2).exp() - 1).sum(-1);
        return kl.MoveToOuterDisposeScope();
    }

    /// <summary>Monte-Carlo estimate E_{z~q}[log q(z) − log p(z)] with <paramref name="numSamples"/> draws z = μ + σ ⊙ ε per distribution.</summary>
    /// <remarks>Unbiased; its error shrinks like 1/√numSamples. Samples are drawn in chunks so memory stays small.</remarks>
    /// <param name="mu">Means μ (…, D).</param>
    /// <param name="logVar">log σ² (…, D).</param>
    /// <param name="numSamples">Draws per distribution (at least 1).</param>
    /// <param name="generator">Random generator for ε (null: torch's global generator).</param>
    /// <returns>Estimated KL in nats (…), float64.</returns>
    /// <exception cref="ArgumentException">The shapes differ, or <paramref name="numSamples"/> is below 1.</exception>
    public static Tensor MonteCarlo(Tensor mu, Tensor logVar, int numSamples, Generator? generator = null)
    {
        DiagonalGaussian.RequireMeanAndLogVar(mu, logVar, nameof(MonteCarlo));
        if (numSamples < 1) throw new ArgumentException($"MonteCarlo needs at least one sample, got numSamples = {numSamples}.", nameof(numSamples));
        using var scope = NewDisposeScope();
        var m = mu.detach().to_type(ScalarType.Float64);
        var lv = logVar.detach().to_type(ScalarType.Float64);
        long perSample = Math.Max(1, m.numel());
        long chunk = Math.Max(1, Math.Min(numSamples, 4_000_000 / perSample));            // ≤ 4M numbers at a time
        var chunkSums = new List<Tensor>();
        for (long done = 0; done < numSamples; done += chunk)
        {
            using var inner = NewDisposeScope();
            long s = Math.Min(chunk, numSamples - done);
            long[] shape = [s, .. m.shape];
            var eps = randn(shape, dtype: ScalarType.Float64, device: m.device, generator: generator);   // (S, …, D)
            var z = m + (0.5 * lv).exp() * eps;                                                   // z ~ q
            var logRatio = DiagonalGaussian.LogProb(z, m, lv) - DiagonalGaussian.StandardLogProb(z);   // (S, …)
            chunkSums.Add(logRatio.sum(dim: 0).MoveToOuterDisposeScope());                     // (…); sum(0) would be sum(dtype: Byte)
        }
        return (stack(chunkSums).sum(dim: 0) / numSamples).MoveToOuterDisposeScope();
    }
}
