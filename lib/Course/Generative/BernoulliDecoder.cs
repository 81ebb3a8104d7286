using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Course.Generative;

/// <summary>The decoder p_θ(x|z): z → hidden (ReLU) → one logit per pixel; each pixel is Bernoulli with p = sigmoid(logit).</summary>
/// <remarks>
/// Seed 000, "VAE": the reconstruction term E_q[log p_θ(x|z)]. With a Bernoulli likelihood, −log p(x|z) is the binary
/// cross-entropy summed over pixels (seed 004, "Bernoulli distribution"). Returning logits keeps the loss stable
/// (<see cref="Course.Losses.BernoulliNll.PerSampleFromLogits"/>). Notebook 10-vae.
/// </remarks>
public sealed class BernoulliDecoder : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> layers;

    /// <summary>A freshly initialised decoder LatentDim → HiddenDim → InputDim.</summary>
    public BernoulliDecoder(VaeConfig config) : base(nameof(BernoulliDecoder))
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        layers = Sequential(Linear(config.LatentDim, config.HiddenDim), ReLU(), Linear(config.HiddenDim, config.InputDim));
        RegisterComponents();
    }

    /// <summary>Pixel logits for latent codes.</summary>
    /// <param name="z">Latent codes (B, D).</param>
    /// <returns>Logits (B, InputDim); sigmoid gives the pixel probabilities.</returns>
    public override Tensor forward(Tensor z) => layers.call(z);                            // (B, D) → (B, InputDim)
}
