using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Course.Cnn;

/// <summary>LeNet-5 for 28×28 digits: conv 6@5×5 (padding 2) → pool → conv 16@5×5 → pool → 120 → 84 → 10 logits.</summary>
/// <remarks>
/// Seed 001, "Convolutional Neural Network – LeNet-5" (Y. LeCun et al., Gradient-Based Learning Applied to Document
/// Recognition, Proc. IEEE 86(11), 1998). The paper's inputs are 32×32; padding 2 on the first convolution gives
/// 28×28 MNIST digits the same 28×28 first feature maps. The paper's C5 (16→120 with 5×5 kernels on a 5×5 map) is a
/// fully connected layer here, which computes the same thing; its RBF output layer is a plain linear layer.
/// 61,706 parameters. Notebook 04-cnn-mnist trains it as published, then with the lecture's AlexNet tricks.
/// </remarks>
public sealed class LeNet5 : Module<Tensor, Tensor>
{
    private readonly Sequential layers;

    /// <summary>A freshly initialised LeNet-5 whose activation, pooling and dropout follow <paramref name="config"/> (default: as published).</summary>
    public LeNet5(LeNetConfig? config = null) : base(nameof(LeNet5))
    {
        Config = config ?? LeNetConfig.Classic;
        if (Config.Dropout is < 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(config), Config.Dropout, $"Dropout must be in [0, 1), got {Config.Dropout}.");
        Module<Tensor, Tensor> Act() => Config.Relu ? ReLU() : Tanh();
        Module<Tensor, Tensor> Pool() => Config.MaxPool ? MaxPool2d(2, 2) : AvgPool2d(2, 2);
        var named = new List<(string, Module<Tensor, Tensor>)>
        {
            ("conv1", Conv2d(1, 6, 5, padding: 2)), ("act1", Act()), ("pool1", Pool()),   // (B, 1, 28, 28) → (B, 6, 28, 28) → (B, 6, 14, 14)
            ("conv2", Conv2d(6, 16, 5)), ("act2", Act()), ("pool2", Pool()),             // → (B, 16, 10, 10) → (B, 16, 5, 5)
            ("flatten", Flatten()),                                                        // → (B, 400)
            ("fc1", Linear(16 * 5 * 5, 120)), ("act3", Act()),                            // → (B, 120)
        };
        if (Config.Dropout > 0) named.Add(("drop1", Dropout(Config.Dropout)));
        named.Add(("fc2", Linear(120, 84)));                                              // → (B, 84)
        named.Add(("act4", Act()));
        if (Config.Dropout > 0) named.Add(("drop2", Dropout(Config.Dropout)));
        named.Add(("fc3", Linear(84, 10)));                                               // → (B, 10) logits
        layers = Sequential(named);
        RegisterComponents();
    }

    /// <summary>The activation, pooling and dropout this network was built with.</summary>
    public LeNetConfig Config { get; }

    /// <summary>The first convolution's filters, (6, 1, 5, 5): what the network looks for in the pixels.</summary>
    /// <remarks>Seed 001, "Feature visualization of CNN"; notebook 04-cnn-mnist draws them with <c>ImageGrid(normalizeEach: true)</c>.</remarks>
    public Tensor FirstLayerFilters => ((Conv2d)layers.named_children().First(c => c.name == "conv1").module).weight!;

    /// <summary>Parameters of LeNet-5 counted by hand: (5·5·1 + 1)·6 + (5·5·6 + 1)·16 + (400 + 1)·120 + (120 + 1)·84 + (84 + 1)·10 = 61,706.</summary>
    /// <remarks>Seed 001, "The convolutional layer": <c>(F·F·D1 + 1)·K</c> per conv layer, <c>(in + 1)·out</c> per linear layer.</remarks>
    public const long ParameterCount = (5 * 5 * 1 + 1) * 6 + (5 * 5 * 6 + 1) * 16 + (400 + 1) * 120 + (120 + 1) * 84 + (84 + 1) * 10;

    /// <summary>Logits for a batch of digits.</summary>
    /// <param name="x">Images (B, 1, 28, 28).</param>
    /// <returns>Logits (B, 10).</returns>
    /// <exception cref="ArgumentException">The input is not (B, 1, 28, 28) (the message names its shape).</exception>
    public override Tensor forward(Tensor x)
    {
        RequireDigits(x);
        return layers.call(x);                                                              // (B, 1, 28, 28) → (B, 10)
    }

    /// <summary>Every layer's output for <paramref name="x"/>, in order, e.g. ("conv1", (B, 6, 28, 28)) … ("fc3", (B, 10)).</summary>
    /// <remarks>For the layer table and the feature maps of one digit in notebook 04-cnn-mnist. Runs without gradients.</remarks>
    /// <param name="x">Images (B, 1, 28, 28).</param>
    public IReadOnlyList<(string Name, Tensor Output)> Trace(Tensor x)
    {
        RequireDigits(x);
        using var noGrad = torch.no_grad();
        var outputs = new List<(string, Tensor)>();
        foreach (var (name, module) in layers.named_children())
        {
            x = ((Module<Tensor, Tensor>)module).call(x);
            outputs.Add((name, x));
        }
        return outputs;
    }

    private static void RequireDigits(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() != 4 || x.shape[1] != 1 || x.shape[2] != 28 || x.shape[3] != 28)
            throw new ArgumentException($"LeNet5 expects digits shaped (B, 1, 28, 28), got ({string.Join(", ", x.shape)}); a flat (B, 784) batch needs x.reshape(-1, 1, 28, 28).", nameof(x));
    }
}
