using Course.Training;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Course.Generative;

/// <summary>A variational autoencoder: encoder q(z|x) → reparameterized sample z → decoder p(x|z), with the prior p(z) = N(0, I).</summary>
/// <remarks>
/// Seed 001, "Variational Autoencoders" ("a probabilistic twist on autoencoders"); seed 000, "VAE" objective
/// L(x, φ, θ) = −D_KL(q_φ(z|x) ‖ p_θ(z)) + E_q[log p_θ(x|z)]; seed 003, "Variational Auto Encoder (實作)".
/// Kingma &amp; Welling, Auto-Encoding Variational Bayes (2014). Train it on <see cref="Elbo.Loss(VaeOutput, Tensor)"/>;
/// notebook 10-vae trains latent sizes 20 and 2 on the bundled digits.
/// </remarks>
public sealed class Vae : Module<Tensor, VaeOutput>
{
    private readonly GaussianEncoder encoder;
    private readonly BernoulliDecoder decoder;

    /// <summary>A freshly initialised VAE with the sizes of <paramref name="config"/> (default 784-400-20).</summary>
    /// <exception cref="ArgumentException">A size is below 1.</exception>
    public Vae(VaeConfig? config = null) : base(nameof(Vae))
    {
        Config = config ?? new VaeConfig();
        Config.Validate();
        encoder = new GaussianEncoder(Config);
        decoder = new BernoulliDecoder(Config);
        RegisterComponents();
    }

    /// <summary>The sizes this VAE was built with.</summary>
    public VaeConfig Config { get; }

    /// <summary>Latent variables D.</summary>
    public int LatentDim => Config.LatentDim;

    /// <summary>Encode, sample z with the reparameterization trick (torch's global generator), decode.</summary>
    /// <param name="x">Images (B, InputDim) or (B, 1, H, W) with H·W = InputDim, pixels in [0, 1].</param>
    public override VaeOutput forward(Tensor x)
    {
        var (mu, logVar) = Encode(x);                                                      // (B, D), (B, D)
        var z = Reparameterization.Sample(mu, logVar);                                     // (B, D)
        return new VaeOutput(decoder.call(z), mu, logVar, z);                              // logits (B, InputDim)
    }

    /// <summary>μ and log σ² of the encoder q(z|x).</summary>
    /// <param name="x">Images (B, InputDim) or (B, 1, H, W).</param>
    /// <returns>μ (B, D) and log σ² (B, D).</returns>
    /// <exception cref="ArgumentException">An image does not have InputDim pixels.</exception>
    public (Tensor Mu, Tensor LogVar) Encode(Tensor x) => encoder.call(Flatten(x));

    /// <summary>Pixel logits of the decoder p(x|z).</summary>
    /// <param name="z">Latent codes (B, D).</param>
    /// <returns>Logits (B, InputDim).</returns>
    /// <exception cref="ArgumentException">z is not (B, D).</exception>
    public Tensor Decode(Tensor z)
    {
        ArgumentNullException.ThrowIfNull(z);
        if (z.dim() != 2 || z.shape[1] != LatentDim)
            throw new ArgumentException($"Decode expects latent codes shaped (B, {LatentDim}), got {ShapeText.Of(z)}; one code of {LatentDim} numbers per image.", nameof(z));
        return decoder.call(z);
    }

    /// <summary>The decoder's pixel probabilities sigmoid(logits) for codes <paramref name="z"/>, as images (B, 1, H, W), without gradients.</summary>
    /// <remarks>The mean of p(x|z): what the notebook draws for samples, traversals and the latent grid.</remarks>
    /// <param name="z">Latent codes (B, D).</param>
    public Tensor DecodeImages(Tensor z)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var side = (long)Math.Round(Math.Sqrt(Config.InputDim));
        var probabilities = Decode(z).sigmoid();                                           // (B, InputDim)
        var images = side * side == Config.InputDim ? probabilities.reshape(-1, 1, side, side) : probabilities;
        return images.MoveToOuterDisposeScope();
    }

    /// <summary>Reconstructions of <paramref name="x"/> decoded from the means μ of q(z|x) (no sampling), as images, without gradients.</summary>
    /// <param name="x">Images (B, InputDim) or (B, 1, H, W).</param>
    public Tensor Reconstruct(Tensor x)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        return DecodeImages(Encode(x).Mu).MoveToOuterDisposeScope();
    }

    /// <summary>New images: z drawn from the prior p(z) = N(0, I), then decoded (pixel probabilities), without gradients.</summary>
    /// <param name="count">Number of images.</param>
    /// <param name="generator">Random generator for z (null: torch's global generator).</param>
    /// <returns>Images (count, 1, H, W).</returns>
    public Tensor Sample(int count, Generator? generator = null)
    {
        if (count < 1) throw new ArgumentException($"Sample needs count ≥ 1, got {count}.", nameof(count));
        using var scope = NewDisposeScope();
        var device = parameters().First().device;
        var z = randn(new long[] { count, LatentDim }, dtype: ScalarType.Float32, device: device, generator: generator);   // z ~ p(z) = N(0, I)
        return DecodeImages(z).MoveToOuterDisposeScope();
    }

    private Tensor Flatten(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() < 2 || x.numel() != x.shape[0] * Config.InputDim)
            throw new ArgumentException($"The VAE expects images with {Config.InputDim} pixels each, shaped (B, {Config.InputDim}) or (B, 1, H, W); got {ShapeText.Of(x)}.", nameof(x));
        return x.dim() == 2 ? x : x.reshape(x.shape[0], Config.InputDim);                  // (B, InputDim)
    }
}
