using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Course.Cnn;

/// <summary>A residual block: two 3×3 conv–BN layers F(x) with a shortcut, output ReLU(F(x) + x); a 1×1 projection replaces x when the shape changes.</summary>
/// <remarks>
/// Seed 001, "ResNet – 152 layers", "Identity skip connection" (K. He, X. Zhang, S. Ren, J. Sun, Deep Residual Learning
/// for Image Recognition, CVPR 2016, Figure 2 and Eq. 1–2): the layers learn the residual F(x) = H(x) − x instead of
/// H(x). As in the paper, batch normalisation follows each convolution, the second ReLU comes after the addition, and
/// when the block changes the number of channels or strides, the shortcut is a 1×1 convolution with the same stride
/// (option B, Eq. 2: W_s x). With <c>shortcut: false</c> the block is the paper's plain counterpart: the same two
/// layers and nothing added. Notebook 04b-modern-cnn stacks such blocks into <see cref="DeepCnn"/>.
/// </remarks>
public sealed class ResidualBlock : Module<Tensor, Tensor>
{
    private readonly Sequential residual;
    private readonly Sequential? projection;

    /// <summary>A freshly initialised block from <paramref name="inChannels"/> to <paramref name="outChannels"/> maps.</summary>
    /// <param name="inChannels">Channels of the input.</param>
    /// <param name="outChannels">Channels of the output.</param>
    /// <param name="stride">Stride of the first convolution (2 halves the height and width).</param>
    /// <param name="shortcut">Add the shortcut (true: residual block) or not (false: the plain block of the same layers).</param>
    /// <exception cref="ArgumentOutOfRangeException">A channel count or the stride is not positive.</exception>
    public ResidualBlock(int inChannels, int outChannels, int stride = 1, bool shortcut = true) : base(nameof(ResidualBlock))
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        InChannels = inChannels;
        HasShortcut = shortcut;
        residual = Sequential(
            Conv2d(inChannels, outChannels, 3, stride: stride, padding: 1, bias: false), BatchNorm2d(outChannels), ReLU(),   // (B, Cin, H, W) → (B, Cout, H/s, W/s)
            Conv2d(outChannels, outChannels, 3, padding: 1, bias: false), BatchNorm2d(outChannels));                         // → (B, Cout, H/s, W/s)
        if (shortcut && (inChannels != outChannels || stride != 1))
            projection = Sequential(Conv2d(inChannels, outChannels, 1, stride: stride, bias: false), BatchNorm2d(outChannels));  // W_s x
        RegisterComponents();
    }

    /// <summary>Channels the block expects as input.</summary>
    public int InChannels { get; }

    /// <summary>Whether the block adds its shortcut (false: a plain block).</summary>
    public bool HasShortcut { get; }

    /// <summary>Whether the shortcut is a 1×1 projection (the shape changes) rather than the identity.</summary>
    public bool HasProjection => projection is not null;

    /// <summary>The residual F(x): conv 3×3 → BN → ReLU → conv 3×3 → BN, (B, Cin, H, W) → (B, Cout, H/s, W/s).</summary>
    /// <exception cref="ArgumentException">The input is not (B, Cin, H, W) (the message names its shape).</exception>
    public Tensor Residual(Tensor x)
    {
        RequireInput(x);
        return residual.call(x);
    }

    /// <summary>What the block adds to F(x): x itself, or its 1×1 projection W_s x when the shape changes.</summary>
    /// <exception cref="InvalidOperationException">The block is plain (built with <c>shortcut: false</c>).</exception>
    public Tensor Shortcut(Tensor x)
    {
        RequireInput(x);
        if (!HasShortcut) throw new InvalidOperationException("This ResidualBlock was built with shortcut: false, so it has no shortcut; build it with shortcut: true.");
        return projection is null ? x : projection.call(x);
    }

    /// <summary>ReLU(F(x) + x) (or ReLU(F(x) + W_s x)); a plain block gives ReLU(F(x)).</summary>
    /// <exception cref="ArgumentException">The input is not (B, Cin, H, W) (the message names its shape).</exception>
    public override Tensor forward(Tensor x)
    {
        var f = Residual(x);                                                                    // F(x)
        return HasShortcut ? (f + Shortcut(x)).relu() : f.relu();                               // ReLU(F(x) + x)
    }

    private void RequireInput(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() != 4 || x.shape[1] != InChannels)
            throw new ArgumentException($"ResidualBlock expects feature maps shaped (B, {InChannels}, H, W), got ({string.Join(", ", x.shape)}); build the block with inChannels equal to the input's channels.", nameof(x));
    }
}
