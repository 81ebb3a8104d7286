using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Course.Cnn;

/// <summary>A deep CNN for 28×28 digits: a stem (3×3 conv, stride 2, BN, ReLU, 2×2 max pool) to 7×7 maps, <see cref="DeepCnnConfig.Blocks"/> blocks of two 3×3 convolutions, global average pooling and a linear classifier.</summary>
/// <remarks>
/// Seed 001, "ResNet – 152 layers" (K. He et al., Deep Residual Learning for Image Recognition, CVPR 2016, Section 4.2).
/// With <see cref="DeepCnnConfig.Shortcuts"/> its blocks are <see cref="ResidualBlock"/>s; without, the same blocks
/// without the addition: the plain network. Every block keeps the shape (Width channels, 7×7), so every shortcut is the
/// identity and both networks have exactly the same parameters, as He et al.'s plain and residual networks with
/// identity shortcuts do. Notebook 04b-modern-cnn trains the two from the same initial weights.
/// </remarks>
public sealed class DeepCnn : Module<Tensor, Tensor>
{
    private readonly Sequential stem, blocks, head;

    /// <summary>A freshly initialised network shaped by <paramref name="config"/> (default: 20 layers, width 16, with shortcuts).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Blocks is negative or Width is not positive.</exception>
    public DeepCnn(DeepCnnConfig? config = null) : base(nameof(DeepCnn))
    {
        Config = config ?? new DeepCnnConfig();
        if (Config.Blocks < 0)
            throw new ArgumentOutOfRangeException(nameof(config), Config.Blocks, $"DeepCnnConfig.Blocks must be 0 or more, got {Config.Blocks}.");
        if (Config.Width < 1)
            throw new ArgumentOutOfRangeException(nameof(config), Config.Width, $"DeepCnnConfig.Width must be at least 1, got {Config.Width}.");
        int w = Config.Width;
        stem = Sequential(Conv2d(1, w, 3, stride: 2, padding: 1, bias: false), BatchNorm2d(w), ReLU(),  // (B, 1, 28, 28) → (B, W, 14, 14)
                          MaxPool2d(2, 2));                                                               // → (B, W, 7, 7)
        blocks = Sequential(Enumerable.Range(0, Config.Blocks)
            .Select(i => ($"block{i + 1}", (Module<Tensor, Tensor>)new ResidualBlock(w, w, shortcut: Config.Shortcuts))).ToList());  // → (B, W, 7, 7)
        head = Sequential(AdaptiveAvgPool2d(1), Flatten(), Linear(w, 10));                                // → (B, W) → (B, 10) logits
        RegisterComponents();
    }

    /// <summary>Depth, width and shortcuts of this network.</summary>
    public DeepCnnConfig Config { get; }

    /// <summary>Logits for a batch of digits, (B, 1, 28, 28) → (B, 10).</summary>
    /// <exception cref="ArgumentException">The input is not (B, 1, 28, 28) (the message names its shape).</exception>
    public override Tensor forward(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() != 4 || x.shape[1] != 1 || x.shape[2] != 28 || x.shape[3] != 28)
            throw new ArgumentException($"DeepCnn expects digits shaped (B, 1, 28, 28), got ({string.Join(", ", x.shape)}); a flat (B, 784) batch needs x.reshape(-1, 1, 28, 28).", nameof(x));
        return head.call(blocks.call(stem.call(x)));
    }
}
