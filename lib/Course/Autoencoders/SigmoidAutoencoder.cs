using Course.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Course.Autoencoders;

/// <summary>An autoencoder with one sigmoid hidden layer: z = σ(Wx + b_e), y = σ(Wᵀz + b_d) (tied weights) or σ(W′z + b_d).</summary>
/// <remarks>
/// Seed 004 (DL Seminar), "AutoEncoder with 1 hidden layer" (AE, DAE, CAE all share it, as in Rifai et al. 2011).
/// The sigmoid encoder has a Jacobian with a closed form (<see cref="ContractivePenalty.Analytic"/>) and activations in
/// (0, 1), which the KL sparsity penalty needs. Notebook 08-autoencoder-variants trains it as a denoising, a sparse and a
/// contractive autoencoder; the library's deep AE of notebook 07 is <c>Course.Autoencoders.Autoencoder</c>.
/// </remarks>
public sealed class SigmoidAutoencoder : Module<Tensor, Tensor>
{
    private readonly Linear encoder;
    private readonly Linear? decoder;          // null with tied weights: the decoder uses Wᵀ
    private readonly Parameter? decoderBias;   // b_d with tied weights

    /// <summary>A D → H → D autoencoder with sigmoid units.</summary>
    /// <param name="inputSize">D, pixels per image (784 for flat MNIST digits).</param>
    /// <param name="hiddenSize">H, hidden (code) units.</param>
    /// <param name="tiedWeights">Decode with the encoder's transposed weights Wᵀ, as on the lecture's slide (y = σ(Wᵀz + b_d)).</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is less than 1.</exception>
    public SigmoidAutoencoder(int inputSize = 784, int hiddenSize = 256, bool tiedWeights = true) : base(nameof(SigmoidAutoencoder))
    {
        if (inputSize < 1) throw new ArgumentOutOfRangeException(nameof(inputSize), inputSize, "inputSize must be at least 1.");
        if (hiddenSize < 1) throw new ArgumentOutOfRangeException(nameof(hiddenSize), hiddenSize, "hiddenSize must be at least 1.");
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        TiedWeights = tiedWeights;
        encoder = Linear(inputSize, hiddenSize);
        if (tiedWeights) decoderBias = Parameter(torch.zeros(inputSize));
        else decoder = Linear(hiddenSize, inputSize);
        RegisterComponents();
    }

    /// <summary>D, the input size.</summary>
    public int InputSize { get; }

    /// <summary>H, the number of hidden units.</summary>
    public int HiddenSize { get; }

    /// <summary>Whether the decoder uses Wᵀ.</summary>
    public bool TiedWeights { get; }

    /// <summary>The encoder's weight matrix W (H, D); row j holds the weights into hidden unit j.</summary>
    public Tensor EncoderWeight => encoder.weight!;

    /// <summary>The encoder's bias b_e (H); with <see cref="EncoderWeight"/> it is what a stacked classifier copies (notebook 08b-pretraining).</summary>
    public Tensor EncoderBias => encoder.bias!;

    /// <summary>z = σ(Wx + b_e): the code of a batch (B, D) → (B, H).</summary>
    /// <exception cref="ArgumentException">x is not (B, D).</exception>
    public Tensor Encode(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() != 2 || x.shape[1] != InputSize)
            throw new ArgumentException($"SigmoidAutoencoder({InputSize}→{HiddenSize}) needs inputs shaped (B, {InputSize}), got {ShapeText.Of(x)}; flatten images first (MnistData.Flat).", nameof(x));
        return torch.sigmoid(encoder.forward(x));                                                // (B, D) → (B, H)
    }

    /// <summary>y = σ(Wᵀz + b_d) (tied) or σ(W′z + b_d): the reconstruction of codes (B, H) → (B, D).</summary>
    /// <exception cref="ArgumentException">z is not (B, H).</exception>
    public Tensor Decode(Tensor z)
    {
        ArgumentNullException.ThrowIfNull(z);
        if (z.dim() != 2 || z.shape[1] != HiddenSize)
            throw new ArgumentException($"SigmoidAutoencoder({InputSize}→{HiddenSize}) decodes codes shaped (B, {HiddenSize}), got {ShapeText.Of(z)}.", nameof(z));
        var logits = decoder is null ? z.matmul(encoder.weight!) + decoderBias! : decoder.forward(z);   // (B, H) → (B, D)
        return torch.sigmoid(logits);
    }

    /// <summary>The reconstruction g(h(x)) of a batch (B, D) → (B, D).</summary>
    public override Tensor forward(Tensor x) => Decode(Encode(x));
}
