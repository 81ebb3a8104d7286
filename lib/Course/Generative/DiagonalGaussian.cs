using Course.Training;
using static TorchSharp.torch;

namespace Course.Generative;

/// <summary>The log-density of a Gaussian with a diagonal covariance, N(μ, diag σ²), given by μ and log σ².</summary>
/// <remarks>
/// Seed 001, "Variational Autoencoders": the encoder gives a mean and a standard deviation per latent variable, and the
/// prior p(z) is N(0, I). log N(z; μ, σ²) = −½ Σ_j (log 2π + log σ_j² + (z_j − μ_j)²/σ_j²). Used by
/// <see cref="KlDivergence.MonteCarlo"/>; notebook 10-vae.
/// </remarks>
public static class DiagonalGaussian
{
    private static readonly double Log2Pi = Math.Log(2 * Math.PI);

    /// <summary>log N(z; μ, diag σ²), summed over the last dimension (the latent variables).</summary>
    /// <param name="z">Points (…, D).</param>
    /// <param name="mu">Means (…, D), broadcast against <paramref name="z"/>.</param>
    /// <param name="logVar">log σ² (…, D), shaped like <paramref name="mu"/>.</param>
    /// <returns>Log-densities (…): one per point.</returns>
    /// <exception cref="ArgumentException">μ and log σ² differ in shape, or their last dimension differs from z's.</exception>
    public static Tensor LogProb(Tensor z, Tensor mu, Tensor logVar)
    {
        ArgumentNullException.ThrowIfNull(z);
        RequireMeanAndLogVar(mu, logVar, nameof(LogProb));
        if (z.dim() == 0 || z.shape[^1] != mu.shape[^1])
            throw new ArgumentException($"LogProb: z has shape {ShapeText.Of(z)} but μ has shape {ShapeText.Of(mu)}; their last dimensions (latent variables) must match.", nameof(z));
        using var scope = NewDisposeScope();
        var squared = (z - mu).pow(2) * (-logVar).exp();                                 // (z − μ)²/σ²
        var result = -0.5 * (logVar + squared + Log2Pi).sum(-1);                        // (…)
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>log N(z; 0, I), the prior p(z) of a VAE, summed over the last dimension.</summary>
    /// <param name="z">Points (…, D).</param>
    /// <returns>Log-densities (…).</returns>
    public static Tensor StandardLogProb(Tensor z)
    {
        ArgumentNullException.ThrowIfNull(z);
        if (z.dim() == 0) throw new ArgumentException("StandardLogProb needs points shaped (…, D), got a scalar.", nameof(z));
        using var scope = NewDisposeScope();
        return (-0.5 * (z.pow(2) + Log2Pi).sum(-1)).MoveToOuterDisposeScope();
    }

    /// <summary>Throw unless <paramref name="mu"/> and <paramref name="logVar"/> are floating-point tensors of the same shape (…, D).</summary>
    internal static void RequireMeanAndLogVar(Tensor mu, Tensor logVar, string caller)
    {
        ArgumentNullException.ThrowIfNull(mu);
        ArgumentNullException.ThrowIfNull(logVar);
        if (mu.dim() == 0 || !mu.shape.SequenceEqual(logVar.shape))
            throw new ArgumentException($"{caller}: μ has shape {ShapeText.Of(mu)} and log σ² has shape {ShapeText.Of(logVar)}; they must have the same shape (…, D), one mean and one log-variance per latent variable.", nameof(logVar));
        if (!mu.is_floating_point() || !logVar.is_floating_point())
            throw new ArgumentException($"{caller}: μ ({mu.dtype}) and log σ² ({logVar.dtype}) must be floating-point tensors.", nameof(mu));
    }
}
