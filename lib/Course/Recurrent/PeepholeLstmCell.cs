using Course.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Course.Recurrent;

/// <summary>An LSTM cell whose gates also look at the cell state ("peepholes"): one time step on vectors.</summary>
/// <remarks>
/// F. A. Gers and J. Schmidhuber, "Recurrent nets that time and count", IJCNN 2000; seed 002 (Lecture 9),
/// "Peephole convolutional LSTM", with matrix products in place of the convolutions:
/// f(t) = σ(W_f h(t−1) + U_f x(t) + V_f ⊙ C(t−1) + b_f), i(t) likewise with V_i ⊙ C(t−1),
/// C(t) = f(t) ⊙ C(t−1) + i(t) ⊙ tanh(W_c h(t−1) + U_c x(t) + b_c),
/// O(t) = σ(W_o h(t−1) + U_o x(t) + V_o ⊙ C(t) + b_o), h(t) = O(t) ⊙ tanh(C(t)).
/// The peepholes V are vectors (one weight per cell, a diagonal matrix in the paper) and start at zero, so a new cell
/// computes exactly what <c>nn.LSTMCell</c> (notebook 05) computes with the same W, U and b. Notebook 06-conv-lstm.
/// </remarks>
public sealed class PeepholeLstmCell : Module<Tensor, (Tensor H, Tensor C)?, (Tensor H, Tensor C)>
{
    private readonly Parameter u;   // (4H, I) input weights U, rows (input, forget, candidate, output)
    private readonly Parameter w;   // (4H, H) recurrent weights W, same row order
    private readonly Parameter b;   // (4H) biases
    private readonly Parameter vi;  // (H) peephole of the input gate
    private readonly Parameter vf;  // (H) peephole of the forget gate
    private readonly Parameter vo;  // (H) peephole of the output gate

    /// <summary>A cell reading <paramref name="inputSize"/> inputs with <paramref name="hiddenSize"/> cells; W, U, b uniform in ±1/√H as in <c>nn.LSTMCell</c>, peepholes zero.</summary>
    /// <param name="inputSize">I, the length of x(t).</param>
    /// <param name="hiddenSize">H, the length of h(t) and C(t).</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1.</exception>
    public PeepholeLstmCell(int inputSize, int hiddenSize) : base(nameof(PeepholeLstmCell))
    {
        if (inputSize < 1) throw new ArgumentOutOfRangeException(nameof(inputSize), inputSize, "inputSize must be at least 1.");
        if (hiddenSize < 1) throw new ArgumentOutOfRangeException(nameof(hiddenSize), hiddenSize, "hiddenSize must be at least 1.");
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        double k = 1 / Math.Sqrt(hiddenSize);
        u = Parameter(torch.empty(4 * hiddenSize, inputSize).uniform_(-k, k));
        w = Parameter(torch.empty(4 * hiddenSize, hiddenSize).uniform_(-k, k));
        b = Parameter(torch.empty(4 * hiddenSize).uniform_(-k, k));
        vi = Parameter(torch.zeros(hiddenSize));
        vf = Parameter(torch.zeros(hiddenSize));
        vo = Parameter(torch.zeros(hiddenSize));
        RegisterComponents();
    }

    /// <summary>I, the length of the input x(t).</summary>
    public int InputSize { get; }

    /// <summary>H, the length of the hidden state h(t) and the cell state C(t).</summary>
    public int HiddenSize { get; }

    /// <summary>U, (4H, I): the input weights U_i, U_f, U_c, U_o stacked in rows (like <c>nn.LSTMCell.weight_ih</c>).</summary>
    public Parameter U => u;

    /// <summary>W, (4H, H): the recurrent weights W_i, W_f, W_c, W_o stacked in rows (like <c>nn.LSTMCell.weight_hh</c>).</summary>
    public Parameter W => w;

    /// <summary>b, (4H): the biases b_i, b_f, b_c, b_o (<c>nn.LSTMCell</c> splits them into bias_ih + bias_hh).</summary>
    public Parameter Bias => b;

    /// <summary>V_i, (H): how strongly each cell's C(t−1) feeds its input gate.</summary>
    public Parameter PeepholeInput => vi;

    /// <summary>V_f, (H): how strongly each cell's C(t−1) feeds its forget gate.</summary>
    public Parameter PeepholeForget => vf;

    /// <summary>V_o, (H): how strongly each cell's new C(t) feeds its output gate.</summary>
    public Parameter PeepholeOutput => vo;

    /// <summary>One step: (h(t), C(t)) from x(t) and the previous state (null: zeros).</summary>
    /// <param name="x">x(t), (B, I).</param>
    /// <param name="state">(h(t−1), C(t−1)), each (B, H); null for the first step.</param>
    /// <exception cref="ArgumentException">A shape does not fit (the message names it).</exception>
    public override (Tensor H, Tensor C) forward(Tensor x, (Tensor H, Tensor C)? state)
    {
        var gates = Gates(x, state);
        return (gates.HiddenState, gates.CellState);
    }

    /// <summary>One step with every gate returned: input, forget, cell (candidate) and output gate, cell and hidden state.</summary>
    /// <param name="x">x(t), (B, I).</param>
    /// <param name="state">(h(t−1), C(t−1)), each (B, H); null for the first step.</param>
    /// <exception cref="ArgumentException">A shape does not fit (the message names it).</exception>
    public PeepholeGates Gates(Tensor x, (Tensor H, Tensor C)? state = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() != 2 || x.shape[1] != InputSize)
            throw new ArgumentException($"PeepholeLstmCell({InputSize} → {HiddenSize}) expects x shaped (B, {InputSize}); got x {ShapeText.Of(x)}.", nameof(x));
        long batch = x.shape[0];
        var (h, c) = state ?? (torch.zeros(batch, HiddenSize, dtype: x.dtype, device: x.device),
                               torch.zeros(batch, HiddenSize, dtype: x.dtype, device: x.device));
        foreach (var (t, name) in new[] { (h, "h"), (c, "C") })
            if (t.dim() != 2 || t.shape[0] != batch || t.shape[1] != HiddenSize)
                throw new ArgumentException(
                    $"PeepholeLstmCell({InputSize} → {HiddenSize}) expects {name}(t−1) shaped ({batch}, {HiddenSize}) for x {ShapeText.Of(x)}; got {name} {ShapeText.Of(t)}.", nameof(state));
        var z = x.matmul(u.t()) + h.matmul(w.t()) + b;                            // (B, 4H) = U x(t) + W h(t−1) + b
        return PeepholeGates.Compute(z, c, vi, vf, vo);
    }
}
