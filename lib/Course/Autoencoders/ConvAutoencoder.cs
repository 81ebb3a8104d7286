using Course.Training;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Course.Autoencoders;

/// <summary>A convolutional autoencoder: strided convolutions down to a (K, 7, 7) code, transposed convolutions back up to 28×28.</summary>
/// <remarks>
/// Seed 002, "Convolutional Auto encoder": the encoder halves the image twice (the slide pools; a stride-2 convolution
/// is a learned pooling), "super-sampling" by "deconvolution / transposed convolution" grows it back. Each
/// <c>ConvTranspose2d</c> has F = 2, S = 2, P = 0, so by <see cref="TransposedConvolution.OutputSize"/>
/// (N − 1)·2 − 0 + 2 = 2N: it exactly undoes one halving. Notebook 08-autoencoder-variants trains it on MNIST.
/// (Stride 2 everywhere also keeps clear of a libtorch/oneDNN defect on AVX2/AVX-512 CPUs, where float32 stride-1
/// transposed convolutions — and so the input gradients of stride-1 convolutions followed by pooling — came out wrong;
/// see ConvAutoencoderTests.)
/// <code>
/// (B, 1, 28, 28) → Conv 3×3 s2 (C) ReLU → (B, C, 14, 14) → Conv 3×3 s2 (K) ReLU → (B, K, 7, 7)                       encoder
/// (B, K, 7, 7) → ConvTranspose 2×2 s2 (C) ReLU → (B, C, 14, 14) → ConvTranspose 2×2 s2 (1) sigmoid → (B, 1, 28, 28)  decoder
/// </code>
/// </remarks>
public sealed class ConvAutoencoder : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> encoder;
    private readonly Module<Tensor, Tensor> decoder;

    /// <summary>A convolutional autoencoder for 1-channel images whose sides are multiples of 4 (MNIST: 28×28).</summary>
    /// <param name="channels">C, feature maps after the first convolution.</param>
    /// <param name="codeChannels">K, feature maps of the code; the code has K·(H/4)·(W/4) numbers (K = 8: 392 for 28×28).</param>
    /// <exception cref="ArgumentOutOfRangeException">A channel count is less than 1.</exception>
    public ConvAutoencoder(int channels = 16, int codeChannels = 8) : base(nameof(ConvAutoencoder))
    {
        if (channels < 1) throw new ArgumentOutOfRangeException(nameof(channels), channels, "channels must be at least 1.");
        if (codeChannels < 1) throw new ArgumentOutOfRangeException(nameof(codeChannels), codeChannels, "codeChannels must be at least 1.");
        Channels = channels;
        CodeChannels = codeChannels;
        encoder = Sequential(
            Conv2d(1, channels, 3, stride: 2, padding: 1), ReLU(),                               // (B, 1, 28, 28) → (B, C, 14, 14)
            Conv2d(channels, codeChannels, 3, stride: 2, padding: 1), ReLU());                   // → (B, K, 7, 7)
        decoder = Sequential(
            ConvTranspose2d(codeChannels, channels, 2, stride: 2), ReLU(),                       // (B, K, 7, 7) → (B, C, 14, 14)
            ConvTranspose2d(channels, 1, 2, stride: 2), Sigmoid());                              // → (B, 1, 28, 28)
        RegisterComponents();
    }

    /// <summary>C, feature maps after the first convolution.</summary>
    public int Channels { get; }

    /// <summary>K, feature maps of the code.</summary>
    public int CodeChannels { get; }

    /// <summary>The code of a batch: (B, 1, H, W) → (B, K, H/4, W/4).</summary>
    /// <exception cref="ArgumentException">x is not (B, 1, H, W) with H and W multiples of 4.</exception>
    public Tensor Encode(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() != 4 || x.shape[1] != 1 || x.shape[2] % 4 != 0 || x.shape[3] % 4 != 0 || x.shape[2] == 0 || x.shape[3] == 0)
            throw new ArgumentException($"ConvAutoencoder needs images shaped (B, 1, H, W) with H and W multiples of 4 (MNIST: (B, 1, 28, 28)), got {ShapeText.Of(x)}; use MnistData.Images, not Flat.", nameof(x));
        return encoder.forward(x);
    }

    /// <summary>The reconstruction of codes: (B, K, h, w) → (B, 1, 4h, 4w), values in (0, 1).</summary>
    /// <exception cref="ArgumentException">z is not (B, K, h, w).</exception>
    public Tensor Decode(Tensor z)
    {
        ArgumentNullException.ThrowIfNull(z);
        if (z.dim() != 4 || z.shape[1] != CodeChannels)
            throw new ArgumentException($"ConvAutoencoder decodes codes shaped (B, {CodeChannels}, h, w), got {ShapeText.Of(z)}.", nameof(z));
        return decoder.forward(z);
    }

    /// <summary>The reconstruction of a batch: (B, 1, H, W) → (B, 1, H, W).</summary>
    public override Tensor forward(Tensor x) => Decode(Encode(x));
}
