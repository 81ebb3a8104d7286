using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Course.Generative;

/// <summary>The encoder q_φ(z|x) = N(μ(x), diag σ²(x)): x → hidden (ReLU) → two heads, μ and log σ².</summary>
/// <remarks>
/// Seed 001, "Variational Autoencoders": instead of one code, the encoder outputs a mean and a standard deviation per
/// latent variable. It outputs log σ² (any real number) rather than σ (must be positive). Notebook 10-vae.
/// </remarks>
public sealed class GaussianEncoder : Module<Tensor, (Tensor Mu, Tensor LogVar)>
{
    private readonly Module<Tensor, Tensor> hidden;
    private readonly Module<Tensor, Tensor> mean;
    private readonly Module<Tensor, Tensor> logVariance;

    /// <summary>A freshly initialised encoder InputDim → HiddenDim → 2 × LatentDim.</summary>
    public GaussianEncoder(VaeConfig config) : base(nameof(GaussianEncoder))
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        hidden = Sequential(Linear(config.InputDim, config.HiddenDim), ReLU());
        mean = Linear(config.HiddenDim, config.LatentDim);
        logVariance = Linear(config.HiddenDim, config.LatentDim);
        RegisterComponents();
    }

    /// <summary>μ and log σ² of q(z|x) for a batch of flat images.</summary>
    /// <param name="x">Images (B, InputDim).</param>
    /// <returns>μ (B, D) and log σ² (B, D).</returns>
    public override (Tensor Mu, Tensor LogVar) forward(Tensor x)
    {
        var h = hidden.call(x);                                                            // (B, H)
        return (mean.call(h), logVariance.call(h));                                        // (B, D), (B, D)
    }
}
