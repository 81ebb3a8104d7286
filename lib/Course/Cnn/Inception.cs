using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Course.Cnn;

/// <summary>An Inception module: four branches side by side (1×1; 1×1 → 3×3; 1×1 → 5×5; 3×3 max pool → 1×1), each convolution followed by ReLU, concatenated along the channels.</summary>
/// <remarks>
/// Seed 001, "GoogleNet – 22 layers", "(b) Inception module with dimensionality reduction" (C. Szegedy et al., Going
/// Deeper with Convolutions, CVPR 2015, Figure 2). With <c>reductions: false</c> it is the paper's naive module
/// (Figure 2(a)): 1×1, 3×3 and 5×5 convolutions and the pooling straight on the input. Every branch keeps the input's
/// height and width (stride 1, padding <c>F/2</c>), so the outputs stack into one map of
/// <see cref="InceptionConfig.OutputChannels"/> channels. Notebook 04b-modern-cnn checks its parameters against
/// <see cref="InceptionConfig.Parameters"/>.
/// </remarks>
public sealed class Inception : Module<Tensor, Tensor>
{
    private readonly Sequential branch1, branch3, branch5, branchPool;

    /// <summary>A freshly initialised module with the widths of <paramref name="config"/>.</summary>
    /// <param name="config">Branch widths, e.g. <see cref="InceptionConfig.Inception3a"/>.</param>
    /// <param name="reductions">With the 1×1 reductions and the pool projection (true, Figure 2(b)) or without (false, Figure 2(a)).</param>
    public Inception(InceptionConfig config, bool reductions = true) : base(nameof(Inception))
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config;
        Reductions = reductions;
        var convs = config.Convolutions(reductions).ToDictionary(c => c.Name);        // validates the widths
        Module<Tensor, Tensor> ConvRelu(string name) =>
            Sequential(Conv2d(convs[name].InChannels, convs[name].OutChannels, convs[name].Kernel, padding: convs[name].Kernel / 2), ReLU());
        branch1 = Sequential(ConvRelu("1×1"));                                                       // (B, C, H, W) → (B, #1×1, H, W)
        branch3 = reductions ? Sequential(ConvRelu("3×3 reduce"), ConvRelu("3×3")) : Sequential(ConvRelu("3×3"));   // → (B, #3×3, H, W)
        branch5 = reductions ? Sequential(ConvRelu("5×5 reduce"), ConvRelu("5×5")) : Sequential(ConvRelu("5×5"));   // → (B, #5×5, H, W)
        branchPool = reductions
            ? Sequential(MaxPool2d(3, stride: 1, padding: 1), ConvRelu("pool proj"))                 // → (B, pool proj, H, W)
            : Sequential(MaxPool2d(3, stride: 1, padding: 1));                                       // → (B, C, H, W)
        RegisterComponents();
    }

    /// <summary>The branch widths this module was built with.</summary>
    public InceptionConfig Config { get; }

    /// <summary>Whether the module has the 1×1 reductions and the pool projection.</summary>
    public bool Reductions { get; }

    /// <summary>The four branches' outputs, in the order 1×1, 3×3, 5×5, pool: each (B, channels of that branch, H, W).</summary>
    /// <param name="x">Feature maps (B, <see cref="InceptionConfig.InChannels"/>, H, W).</param>
    public IReadOnlyList<Tensor> Branches(Tensor x)
    {
        RequireInput(x);
        return [branch1.call(x), branch3.call(x), branch5.call(x), branchPool.call(x)];
    }

    /// <summary>The branches concatenated along the channels: (B, C, H, W) → (B, <see cref="InceptionConfig.OutputChannels"/>, H, W).</summary>
    /// <exception cref="ArgumentException">The input is not (B, InChannels, H, W) (the message names its shape).</exception>
    public override Tensor forward(Tensor x) => cat(Branches(x).ToArray(), dim: 1);

    private void RequireInput(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() != 4 || x.shape[1] != Config.InChannels)
            throw new ArgumentException($"Inception expects feature maps shaped (B, {Config.InChannels}, H, W), got ({string.Join(", ", x.shape)}); its InceptionConfig.InChannels must match the input's channels.", nameof(x));
    }
}
