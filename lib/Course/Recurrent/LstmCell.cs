using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Course.Recurrent;

/// <summary>An LSTM step written from the lecture's gate equations: one matrix W on [h_{t−1}, x_t], gates i, f, g, o.</summary>
/// <remarks>
/// Seed 000 (Discussion 12), "LSTM": <c>(i, f, o, g) = (σ, σ, σ, tanh) W (h_{t−1}, x_t)</c>, <c>c_t = f ⊙ c_{t−1} + i ⊙ g</c>,
/// <c>h_t = o ⊙ tanh(c_t)</c>; seed 001 (Lecture 11), "LSTM" gates 1–3 (forget, input + candidate, output) with biases.
/// Hochreiter &amp; Schmidhuber, Long Short-Term Memory, Neural Computation 9(8), 1997 (forget gate: Gers et al. 2000).
/// The rows of <see cref="W"/> and <see cref="Bias"/> hold the blocks input, forget, cell (candidate), output gate, the order of
/// <see cref="PeepholeLstmCell"/>, <see cref="ConvLstmCell"/> and PyTorch; the slide lists the same blocks as i, f, o, g.
/// PyTorch splits W into weight_hh and weight_ih and has two biases — <see cref="LoadFrom(LSTMCell)"/> converts. The gates
/// (<see cref="LstmGates"/>) carry the names of <see cref="PeepholeGates"/>. Notebook 05-rnn-lstm.
/// </remarks>
public sealed class LstmCell : Module<Tensor, (Tensor H, Tensor C)?, (Tensor H, Tensor C)>
{
    private readonly Parameter w;   // (4H, H + I): rows input, forget, cell (candidate), output; columns h_{t−1}, then x_t
    private readonly Parameter b;   // (4H), same row order

    /// <summary>A cell with <paramref name="inputSize"/> inputs and <paramref name="hiddenSize"/> units, initialised like <c>nn.LSTMCell</c> (uniform ±1/√H).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1.</exception>
    public LstmCell(long inputSize, long hiddenSize) : base(nameof(LstmCell))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(hiddenSize, 1);
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        double k = 1 / Math.Sqrt(hiddenSize);
        w = Parameter(torch.empty(4 * hiddenSize, hiddenSize + inputSize).uniform_(-k, k));
        b = Parameter(torch.empty(4 * hiddenSize).uniform_(-k, k));
        RegisterComponents();
    }

    /// <summary>The lecture's W, (4H, H + I): rows W_i, W_f, W_g, W_o stacked (input, forget, cell, output); columns for h_{t−1}, then x_t.</summary>
    public Parameter W => w;

    /// <summary>b, (4H): the biases b_i, b_f, b_g, b_o (<c>nn.LSTMCell</c> splits them into bias_ih + bias_hh).</summary>
    public Parameter Bias => b;

    /// <summary>Features per input vector x_t (I).</summary>
    public long InputSize { get; }

    /// <summary>Hidden units (H), also the size of the cell state.</summary>
    public long HiddenSize { get; }

    /// <summary>One step with every gate returned: input, forget, cell (candidate) and output gate, cell and hidden state.</summary>
    /// <param name="x">Input x_t, (B, I).</param>
    /// <param name="state">(h_{t−1}, c_{t−1}), each (B, H); null for zeros.</param>
    /// <exception cref="ArgumentException">A shape does not fit the cell (the message names it).</exception>
    public LstmGates Gates(Tensor x, (Tensor H, Tensor C)? state = null)
    {
        RecurrentShapes.RequireStep(x, state?.H, InputSize, HiddenSize, nameof(LstmCell), state?.C);
        var h = state?.H ?? torch.zeros(x.shape[0], HiddenSize, dtype: x.dtype, device: x.device);
        var c = state?.C ?? torch.zeros(x.shape[0], HiddenSize, dtype: x.dtype, device: x.device);
        var z = torch.cat([h, x], 1).matmul(w.t()) + b;                               // (B, 4H) = W [h_{t−1}, x_t] + b
        var parts = z.chunk(4, 1);                                                     // 4 × (B, H)
        var inputGate = parts[0].sigmoid();                                            // i: what to write
        var forgetGate = parts[1].sigmoid();                                           // f: what to keep
        var candidate = parts[2].tanh();                                               // g: candidate values
        var outputGate = parts[3].sigmoid();                                           // o: what to show
        var cellState = forgetGate * c + inputGate * candidate;                        // c_t = f ⊙ c_{t−1} + i ⊙ g
        var hidden = outputGate * cellState.tanh();                                    // h_t = o ⊙ tanh(c_t)
        return new LstmGates(inputGate, forgetGate, candidate, outputGate, cellState, hidden);
    }

    /// <summary>One step: (h_t, c_t) from x_t and (h_{t−1}, c_{t−1}) (zeros when null), like <c>nn.LSTMCell</c>.</summary>
    /// <param name="x">Input x_t, (B, I).</param>
    /// <param name="state">(h_{t−1}, c_{t−1}), each (B, H), or null.</param>
    /// <returns>(h_t, c_t), each (B, H).</returns>
    public override (Tensor H, Tensor C) forward(Tensor x, (Tensor H, Tensor C)? state)
    {
        var gates = Gates(x, state);
        return (gates.HiddenState, gates.CellState);
    }

    /// <summary>One step with an optional old state (zeros when omitted).</summary>
    public new (Tensor H, Tensor C) call(Tensor x, (Tensor H, Tensor C)? state = null) => base.call(x, state);

    /// <summary>Run the cell over a whole sequence: every h_t, and the last (h_T, c_T).</summary>
    /// <param name="X">Inputs, (B, T, I).</param>
    /// <param name="state">(h_0, c_0), each (B, H), or null for zeros.</param>
    /// <returns>Hidden states (B, T, H) and the final (h_T, c_T).</returns>
    /// <exception cref="ArgumentException">X is not (B, T, I) or a state is not (B, H).</exception>
    public (Tensor Hidden, (Tensor H, Tensor C) Last) Unroll(Tensor X, (Tensor H, Tensor C)? state = null)
    {
        RecurrentShapes.RequireSequence(X, InputSize, nameof(LstmCell));
        var hs = new List<Tensor>();
        for (long t = 0; t < X.shape[1]; t++)
        {
            state = call(X.select(1, t), state);
            hs.Add(state.Value.H);
        }
        return (torch.stack(hs, 1), state!.Value);                                     // (B, T, H)
    }

    /// <summary>Copy the weights of PyTorch's <c>nn.LSTMCell</c> (same gate order): weight_hh and weight_ih side by side, the two biases added.</summary>
    /// <exception cref="ArgumentException">The sizes differ (the message names both).</exception>
    public LstmCell LoadFrom(LSTMCell torchCell)
    {
        ArgumentNullException.ThrowIfNull(torchCell);
        return LoadFrom(torchCell.weight_ih!, torchCell.weight_hh!, torchCell.bias_ih, torchCell.bias_hh);
    }

    /// <summary>Copy layer 0 of PyTorch's <c>nn.LSTM</c> (one direction).</summary>
    /// <exception cref="ArgumentException">The sizes differ, or the LSTM is stacked or bidirectional.</exception>
    public LstmCell LoadFrom(LSTM torchLstm)
    {
        ArgumentNullException.ThrowIfNull(torchLstm);
        var p = RecurrentShapes.Layer0(torchLstm);
        return LoadFrom(p["weight_ih_l0"], p["weight_hh_l0"], p.GetValueOrDefault("bias_ih_l0"), p.GetValueOrDefault("bias_hh_l0"));
    }

    /// <summary>Copy PyTorch-layout weights: weight_ih (4H, I), weight_hh (4H, H), biases (4H) or null, gates stacked i, f, g, o.</summary>
    /// <exception cref="ArgumentException">A shape differs from the cell's (the message names both).</exception>
    public LstmCell LoadFrom(Tensor weightIh, Tensor weightHh, Tensor? biasIh, Tensor? biasHh)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var bias = RecurrentShapes.PyTorchBias(weightIh, weightHh, biasIh, biasHh, 4, InputSize, HiddenSize, b);  // (4H) = bias_ih + bias_hh
        w.copy_(torch.cat([weightHh, weightIh], 1));                                  // (4H, H + I): columns h, then x
        b.copy_(bias);
        return this;
    }
}
