using Course.Training;
using static TorchSharp.torch;

namespace Course.Generative;

/// <summary>The reparameterization trick: a sample z ~ N(μ, σ²) written as z = μ + σ ⊙ ε with ε ~ N(0, I), so gradients reach μ and log σ².</summary>
/// <remarks>
/// Seed 001, "Variational Autoencoders", 3. "Reparameterization trick to train end-to-end"; "Sample from the mean and
/// standard dev. to compute latent sample". Kingma &amp; Welling (2014), section 2.4. The randomness sits in ε, which
/// needs no gradient; z is a differentiable function of μ and σ = exp(½ log σ²). Notebook 10-vae.
/// </remarks>
public static class Reparameterization
{
    /// <summary>z = μ + exp(½ log σ²) ⊙ ε for a given noise ε: deterministic, differentiable in μ and log σ².</summary>
    /// <param name="mu">Means (…, D).</param>
    /// <param name="logVar">log σ² (…, D).</param>
    /// <param name="epsilon">Standard normal noise (…, D).</param>
    /// <returns>z (…, D).</returns>
    /// <exception cref="ArgumentException">The three shapes differ.</exception>
    public static Tensor Apply(Tensor mu, Tensor logVar, Tensor epsilon)
    {
        DiagonalGaussian.RequireMeanAndLogVar(mu, logVar, nameof(Apply));
        ArgumentNullException.ThrowIfNull(epsilon);
        if (!epsilon.shape.SequenceEqual(mu.shape))
            throw new ArgumentException($"Apply: ε has shape {ShapeText.Of(epsilon)} but μ has shape {ShapeText.Of(mu)}; draw one ε per latent variable.", nameof(epsilon));
        using var scope = NewDisposeScope();
        var sigma = (0.5 * logVar).exp();                                                  // σ = exp(½ log σ²)
        return (mu + sigma * epsilon).MoveToOuterDisposeScope();
    }

    /// <summary>z = μ + σ ⊙ ε with fresh ε ~ N(0, I): one sample of q(z|x) that gradients flow through.</summary>
    /// <param name="mu">Means (…, D).</param>
    /// <param name="logVar">log σ² (…, D).</param>
    /// <param name="generator">Random generator for ε (null: torch's global generator, seeded by <c>Seeding.Set</c>).</param>
    /// <returns>z (…, D).</returns>
    public static Tensor Sample(Tensor mu, Tensor logVar, Generator? generator = null)
    {
        DiagonalGaussian.RequireMeanAndLogVar(mu, logVar, nameof(Sample));
        using var scope = NewDisposeScope();
        var epsilon = randn(mu.shape, mu.dtype, mu.device, generator: generator);          // ε ~ N(0, I), no gradient
        return Apply(mu, logVar, epsilon).MoveToOuterDisposeScope();
    }
}
