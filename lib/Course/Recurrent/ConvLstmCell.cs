using Course.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Course.Recurrent;

/// <summary>The convolutional LSTM cell with peepholes: the LSTM's matrix products become convolutions, so inputs and states are feature maps.</summary>
/// <remarks>
/// X. Shi, Z. Chen, H. Wang, D.-Y. Yeung, W.-K. Wong and W.-C. Woo, "Convolutional LSTM Network: A Machine Learning
/// Approach for Precipitation Nowcasting", NeurIPS 2015; seed 002 (Lecture 9), "Peephole convolutional LSTM":
/// f(t) = σ(W_f * h(t−1) + U_f * x(t) + V_f ⊙ C(t−1) + b_f), i(t) likewise with V_i ⊙ C(t−1),
/// C(t) = f(t) ⊙ C(t−1) + i(t) ⊙ tanh(W_c * h(t−1) + U_c * x(t) + b_c),
/// O(t) = σ(W_o * h(t−1) + U_o * x(t) + V_o ⊙ C(t) + b_o), h(t) = O(t) ⊙ tanh(C(t)), where * is a convolution
/// ("same" padding, so maps keep their size) and the peepholes V are one weight per channel and pixel, (C, H, W),
/// as in the paper; they start at zero. As lecture 11 writes W[h(t−1), x(t)], both convolutions are computed as one
/// convolution over the stacked channels [h(t−1), x(t)]; <see cref="W"/> and <see cref="U"/> are its two halves.
/// Notebook 06-conv-lstm.
/// </remarks>
public sealed class ConvLstmCell : Module<Tensor, (Tensor H, Tensor C)?, (Tensor H, Tensor C)>
{
    private readonly Conv2d gates;  // [h(t−1), x(t)] (B, C + Cin, H, W) → pre-activations (B, 4C, H, W), order (i, f, c, o)
    private readonly Parameter vi;  // (C, H, W) peephole of the input gate
    private readonly Parameter vf;  // (C, H, W) peephole of the forget gate
    private readonly Parameter vo;  // (C, H, W) peephole of the output gate

    /// <summary>A cell for <paramref name="height"/>×<paramref name="width"/> maps: <paramref name="inputChannels"/> in, <paramref name="hiddenChannels"/> in h and C, square kernels of odd size.</summary>
    /// <param name="inputChannels">Cin, channels of x(t) (1 for gray frames).</param>
    /// <param name="hiddenChannels">C, channels of h(t) and C(t).</param>
    /// <param name="kernelSize">Side of the convolution kernels, odd (padding kernelSize / 2 keeps the map size).</param>
    /// <param name="height">Height of every map (the peepholes have one weight per pixel).</param>
    /// <param name="width">Width of every map.</param>
    /// <exception cref="ArgumentException">A size is below 1, or the kernel size is even.</exception>
    public ConvLstmCell(int inputChannels, int hiddenChannels, int kernelSize, int height, int width) : base(nameof(ConvLstmCell))
    {
        foreach (var (value, name) in new[] { (inputChannels, nameof(inputChannels)), (hiddenChannels, nameof(hiddenChannels)),
                                              (kernelSize, nameof(kernelSize)), (height, nameof(height)), (width, nameof(width)) })
            if (value < 1) throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least 1, got {value}.");
        if (kernelSize % 2 == 0)
            throw new ArgumentException($"kernelSize must be odd so that padding {kernelSize / 2} keeps {height}×{width} maps {height}×{width}; got {kernelSize}.", nameof(kernelSize));
        InputChannels = inputChannels;
        HiddenChannels = hiddenChannels;
        KernelSize = kernelSize;
        Height = height;
        Width = width;
        gates = Conv2d(hiddenChannels + inputChannels, 4 * hiddenChannels, kernelSize, padding: kernelSize / 2);
        vi = Parameter(torch.zeros(hiddenChannels, height, width));
        vf = Parameter(torch.zeros(hiddenChannels, height, width));
        vo = Parameter(torch.zeros(hiddenChannels, height, width));
        RegisterComponents();
    }

    /// <summary>Cin, channels of the input x(t).</summary>
    public int InputChannels { get; }

    /// <summary>C, channels of the hidden state h(t) and the cell state C(t).</summary>
    public int HiddenChannels { get; }

    /// <summary>Side of the square convolution kernels.</summary>
    public int KernelSize { get; }

    /// <summary>Height of the maps this cell reads and writes.</summary>
    public int Height { get; }

    /// <summary>Width of the maps this cell reads and writes.</summary>
    public int Width { get; }

    /// <summary>W, (4C, C, k, k): the kernels applied to h(t−1), gates stacked (input, forget, candidate, output); a view of the joint convolution's weight.</summary>
    public Tensor W => gates.weight!.narrow(1, 0, HiddenChannels);

    /// <summary>U, (4C, Cin, k, k): the kernels applied to x(t), same gate order; a view of the joint convolution's weight.</summary>
    public Tensor U => gates.weight!.narrow(1, HiddenChannels, InputChannels);

    /// <summary>b, (4C): one bias per gate channel.</summary>
    public Parameter Bias => gates.bias!;

    /// <summary>V_i, (C, H, W): how strongly C(t−1) at each pixel feeds the input gate there.</summary>
    public Parameter PeepholeInput => vi;

    /// <summary>V_f, (C, H, W): how strongly C(t−1) at each pixel feeds the forget gate there.</summary>
    public Parameter PeepholeForget => vf;

    /// <summary>V_o, (C, H, W): how strongly the new C(t) at each pixel feeds the output gate there.</summary>
    public Parameter PeepholeOutput => vo;

    /// <summary>One step: (h(t), C(t)) from x(t) and the previous state (null: zeros).</summary>
    /// <param name="x">x(t), (B, Cin, H, W).</param>
    /// <param name="state">(h(t−1), C(t−1)), each (B, C, H, W); null for the first step.</param>
    /// <exception cref="ArgumentException">A shape does not fit (the message names it).</exception>
    public override (Tensor H, Tensor C) forward(Tensor x, (Tensor H, Tensor C)? state)
    {
        var g = Gates(x, state);
        return (g.HiddenState, g.CellState);
    }

    /// <summary>One step with every gate map returned: input, forget, cell (candidate) and output gate, cell and hidden state, each (B, C, H, W).</summary>
    /// <param name="x">x(t), (B, Cin, H, W).</param>
    /// <param name="state">(h(t−1), C(t−1)), each (B, C, H, W); null for the first step.</param>
    /// <exception cref="ArgumentException">A shape does not fit (the message names it).</exception>
    public PeepholeGates Gates(Tensor x, (Tensor H, Tensor C)? state = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() != 4 || x.shape[1] != InputChannels || x.shape[2] != Height || x.shape[3] != Width)
            throw new ArgumentException($"{this} expects x shaped (B, {InputChannels}, {Height}, {Width}); got x {ShapeText.Of(x)}.", nameof(x));
        long batch = x.shape[0];
        var (h, c) = state ?? (torch.zeros(batch, HiddenChannels, Height, Width, dtype: x.dtype, device: x.device),
                               torch.zeros(batch, HiddenChannels, Height, Width, dtype: x.dtype, device: x.device));
        foreach (var (t, name) in new[] { (h, "h"), (c, "C") })
            if (t.dim() != 4 || t.shape[0] != batch || t.shape[1] != HiddenChannels || t.shape[2] != Height || t.shape[3] != Width)
                throw new ArgumentException(
                    $"{this} expects {name}(t−1) shaped ({batch}, {HiddenChannels}, {Height}, {Width}) for x {ShapeText.Of(x)}; got {name} {ShapeText.Of(t)}.", nameof(state));
        var z = gates.call(torch.cat([h, x], 1));                                  // (B, 4C, H, W) = W * h(t−1) + U * x(t) + b
        return PeepholeGates.Compute(z, c, vi, vf, vo);
    }

    /// <summary>A one-line description, e.g. <c>ConvLstmCell(1 → 8 channels, 5×5 kernels, 16×16 maps)</c>.</summary>
    public override string ToString() =>
        $"ConvLstmCell({InputChannels} → {HiddenChannels} channels, {KernelSize}×{KernelSize} kernels, {Height}×{Width} maps)";
}
