using static TorchSharp.torch;

namespace Course.Generative;

/// <summary>The two terms of a VAE's loss per image, in nats: −ELBO = reconstruction term + regularization term.</summary>
/// <param name="Reconstruction">The reconstruction term as a loss, −log p(x|z): binary cross-entropy summed over pixels (B).</param>
/// <param name="Regularization">The regularization term KL(q(z|x) ‖ p(z)) (B).</param>
public sealed record ElboTerms(Tensor Reconstruction, Tensor Regularization)
{
    /// <summary>−ELBO = Reconstruction + Regularization per image (B).</summary>
    public Tensor NegativeElbo => Reconstruction + Regularization;
}
