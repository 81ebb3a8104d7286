using Course.Training;
using static TorchSharp.torch;

namespace Course.Generative;

/// <summary>The VAE objective: the evidence lower bound ELBO = E_q[log p(x|z)] − KL(q(z|x) ‖ p(z)), and its negative as the training loss.</summary>
/// <remarks>
/// Seed 000, "VAE": L(x, φ, θ) = −D_KL(q_φ(z|x) ‖ p_θ(z)) + E_{q_φ(z|x)}[log p_θ(x|z)], the "Regularization term" and the
/// "Reconstruction term"; seed 001: L(φ, θ, x) = (reconstruction loss) + (regularization term); seed 003: "VAE loss function
/// – Reconstruction error + KL divergence". The expectation is estimated with one reparameterized sample z per image; the
/// Bernoulli likelihood gives binary cross-entropy summed over the pixels. Notebook 10-vae.
/// </remarks>
public static class Elbo
{
    /// <summary>−log p(x|z) per image for a Bernoulli decoder: binary cross-entropy from logits, summed over pixels.</summary>
    /// <param name="logits">Decoder logits (B, P) (or any shape with B rows).</param>
    /// <param name="x">Target pixels in [0, 1], with the same number of values per image.</param>
    /// <returns>Nats per image (B).</returns>
    /// <exception cref="ArgumentException">The shapes do not pair up, or x has values outside [0, 1].</exception>
    public static Tensor ReconstructionTerm(Tensor logits, Tensor x)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(x);
        if (logits.dim() == 0 || x.dim() == 0 || logits.shape[0] != x.shape[0] || logits.numel() != x.numel())
            throw new ArgumentException($"ReconstructionTerm: logits have shape {ShapeText.Of(logits)} but x has shape {ShapeText.Of(x)}; each image needs one logit per pixel.", nameof(x));
        using var scope = NewDisposeScope();
        if (x.numel() > 0)
        {
            double low = x.min().to_type(ScalarType.Float64).item<double>(), high = x.max().to_type(ScalarType.Float64).item<double>();
            if (!(low >= 0 && high <= 1))
                throw new ArgumentException($"ReconstructionTerm: the Bernoulli likelihood needs pixels in [0, 1], but x ranges from {low} to {high}; scale the images to [0, 1].", nameof(x));
        }
        long b = logits.shape[0];
        var flatLogits = logits.reshape(b, -1);                                            // (B, P)
        var flatX = x.reshape(b, -1).to_type(logits.dtype);                                // (B, P)
        var nll = nn.functional.binary_cross_entropy_with_logits(flatLogits, flatX, reduction: nn.Reduction.None).sum(1);   // (B)
        return nll.MoveToOuterDisposeScope();
    }

    /// <summary>Reconstruction and regularization terms per image.</summary>
    /// <param name="logits">Decoder logits (B, P).</param>
    /// <param name="x">Pixels in [0, 1], B images of P pixels.</param>
    /// <param name="mu">μ of q(z|x) (B, D).</param>
    /// <param name="logVar">log σ² of q(z|x) (B, D).</param>
    /// <exception cref="ArgumentException">Shapes do not pair up, or x is outside [0, 1].</exception>
    public static ElboTerms Terms(Tensor logits, Tensor x, Tensor mu, Tensor logVar)
    {
        var reconstruction = ReconstructionTerm(logits, x);                                // (B)
        var regularization = KlDivergence.ToStandardNormal(mu, logVar);                    // (B)
        if (regularization.dim() != 1 || regularization.shape[0] != reconstruction.shape[0])
            throw new ArgumentException($"Terms: μ has shape {ShapeText.Of(mu)} but there are {reconstruction.shape[0]} images; μ and log σ² must be (B, D).", nameof(mu));
        return new ElboTerms(reconstruction, regularization);
    }

    /// <summary>Reconstruction and regularization terms per image of a VAE's output for the images <paramref name="x"/>.</summary>
    public static ElboTerms Terms(VaeOutput output, Tensor x)
    {
        ArgumentNullException.ThrowIfNull(output);
        return Terms(output.Logits, x, output.Mu, output.LogVar);
    }

    /// <summary>The training loss: −ELBO averaged over the batch (nats per image), a scalar to call backward() on.</summary>
    public static Tensor Loss(Tensor logits, Tensor x, Tensor mu, Tensor logVar)
    {
        using var scope = NewDisposeScope();
        return Terms(logits, x, mu, logVar).NegativeElbo.mean().MoveToOuterDisposeScope();
    }

    /// <summary>The training loss of a VAE's output: −ELBO averaged over the batch.</summary>
    public static Tensor Loss(VaeOutput output, Tensor x)
    {
        ArgumentNullException.ThrowIfNull(output);
        return Loss(output.Logits, x, output.Mu, output.LogVar);
    }

    /// <summary>Mean reconstruction and regularization terms of <paramref name="vae"/> on <paramref name="X"/>, without gradients, with z drawn from a generator seeded with <paramref name="seed"/>.</summary>
    /// <param name="vae">The model (left in the mode it was in).</param>
    /// <param name="X">Images (N, InputDim) or (N, 1, H, W), pixels in [0, 1].</param>
    /// <param name="batchSize">Images per forward pass.</param>
    /// <param name="seed">Seed of the noise ε: the same seed gives the same figure, and training's random numbers are untouched.</param>
    /// <param name="numSamples">Samples z per image whose terms are averaged (more: a less noisy estimate of the same mean).</param>
    /// <exception cref="ArgumentException">X is empty, or a size is below 1.</exception>
    public static ElboSummary Evaluate(Vae vae, Tensor X, int batchSize = 1000, int seed = 0, int numSamples = 1)
    {
        ArgumentNullException.ThrowIfNull(vae);
        ArgumentNullException.ThrowIfNull(X);
        if (X.dim() == 0 || X.shape[0] == 0) throw new ArgumentException($"Evaluate needs at least one image, got X of shape {ShapeText.Of(X)}.", nameof(X));
        if (batchSize < 1 || numSamples < 1)
            throw new ArgumentException($"Evaluate needs batchSize ≥ 1 and numSamples ≥ 1, got {batchSize} and {numSamples}.");
        using var noGrad = no_grad();
        using var generator = new Generator((ulong)seed, X.device);
        double reconstruction = 0, regularization = 0;
        long n = X.shape[0];
        for (long start = 0; start < n; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var x = X.narrow(0, start, Math.Min(batchSize, n - start));                   // (b, …)
            var (mu, logVar) = vae.Encode(x);                                              // (b, D)
            regularization += KlDivergence.ToStandardNormal(mu, logVar).sum().item<float>() * (double)numSamples;
            for (int s = 0; s < numSamples; s++)
            {
                var z = Reparameterization.Sample(mu, logVar, generator);                  // (b, D)
                reconstruction += ReconstructionTerm(vae.Decode(z), x).sum().item<float>();
            }
        }
        double count = (double)n * numSamples;
        return new ElboSummary(reconstruction / count, regularization / count);
    }
}
