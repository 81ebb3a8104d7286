using Course.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Course.Autoencoders;

/// <summary>A deep sigmoid network D → H₁ → … → H_L → classes, started at random or from the encoders of a pretrained stack.</summary>
/// <remarks>
/// Seed 004 (DL Seminar), Rifai et al. (2011) Table 2: after <see cref="LayerwisePretraining"/>, the encoders
/// h_k = σ(W_k h_{k−1} + b_k) are stacked, a softmax layer goes on top, and every weight is fine-tuned on the labels.
/// Built with random weights it is the no-pretraining baseline of the same shape. Notebook 08b-pretraining.
/// </remarks>
public sealed class StackedClassifier : Module<Tensor, Tensor>
{
    private readonly ModuleList<Linear> hidden;
    private readonly Linear output;

    /// <summary>A randomly initialised network with the given hidden sizes (the baseline).</summary>
    /// <param name="inputSize">D, inputs per sample.</param>
    /// <param name="hiddenSizes">H₁ … H_L, at least one layer.</param>
    /// <param name="numClasses">Classes of the softmax layer.</param>
    /// <exception cref="ArgumentException">A size is less than 1 or no hidden layer is given.</exception>
    public StackedClassifier(int inputSize, IReadOnlyList<int> hiddenSizes, int numClasses) : base(nameof(StackedClassifier))
    {
        ArgumentNullException.ThrowIfNull(hiddenSizes);
        if (inputSize < 1 || numClasses < 1 || hiddenSizes.Count == 0 || hiddenSizes.Any(h => h < 1))
            throw new ArgumentException($"StackedClassifier needs sizes of at least 1 and one hidden layer or more; got input {inputSize}, hidden [{string.Join(", ", hiddenSizes)}], classes {numClasses}.", nameof(hiddenSizes));
        var sizes = hiddenSizes.Prepend(inputSize).ToArray();
        hidden = new ModuleList<Linear>(Enumerable.Range(0, hiddenSizes.Count).Select(k => Linear(sizes[k], sizes[k + 1])).ToArray());
        output = Linear(sizes[^1], numClasses);
        InputSize = inputSize;
        RegisterComponents();
    }

    /// <summary>A network whose hidden layers start as copies of the pretrained encoders (W_k, b_k); the softmax layer is random.</summary>
    /// <param name="layers">The stack from <see cref="LayerwisePretraining.Pretrain"/>, lowest first.</param>
    /// <param name="numClasses">Classes of the softmax layer.</param>
    /// <exception cref="ArgumentException">The layers do not chain (a layer's input size is not the previous one's hidden size).</exception>
    public static StackedClassifier FromPretrained(IReadOnlyList<SigmoidAutoencoder> layers, int numClasses)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Count == 0) throw new ArgumentException("FromPretrained needs at least one pretrained layer.", nameof(layers));
        for (int k = 1; k < layers.Count; k++)
            if (layers[k].InputSize != layers[k - 1].HiddenSize)
                throw new ArgumentException($"Layer {k} takes {layers[k].InputSize} inputs but layer {k - 1} has {layers[k - 1].HiddenSize} units; pretrain the stack in order.", nameof(layers));
        var net = new StackedClassifier(layers[0].InputSize, layers.Select(l => l.HiddenSize).ToArray(), numClasses);
        using var noGrad = torch.no_grad();
        for (int k = 0; k < layers.Count; k++)
        {
            net.hidden[k].weight!.copy_(layers[k].EncoderWeight);
            net.hidden[k].bias!.copy_(layers[k].EncoderBias);
        }
        return net;
    }

    /// <summary>D, inputs per sample.</summary>
    public int InputSize { get; }

    /// <summary>The number of hidden layers L.</summary>
    public int Depth => hidden.Count;

    /// <summary>The weights W_k (H_k, H_{k−1}) of hidden layer k (0 = the lowest).</summary>
    public Tensor HiddenWeight(int k) => hidden[k].weight!;

    /// <summary>The bias b_k of hidden layer k.</summary>
    public Tensor HiddenBias(int k) => hidden[k].bias!;

    /// <summary>Class logits of a batch (B, D) → (B, classes).</summary>
    /// <exception cref="ArgumentException">x is not (B, D).</exception>
    public override Tensor forward(Tensor x)
    {
        if (x.dim() != 2 || x.shape[1] != InputSize)
            throw new ArgumentException($"StackedClassifier needs inputs shaped (B, {InputSize}), got {ShapeText.Of(x)}; flatten images first (MnistData.Flat).", nameof(x));
        var h = x;
        foreach (var layer in hidden) h = torch.sigmoid(layer.forward(h));                            // (B, H_k)
        return output.forward(h);                                                                      // (B, classes)
    }
}
