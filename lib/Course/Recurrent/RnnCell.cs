using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Course.Recurrent;

/// <summary>The lecture's vanilla RNN step: <c>h_t = tanh(W_hh h_{t−1} + W_xh x_t + b_h)</c>.</summary>
/// <remarks>
/// Seed 001 (Lecture 11), "Recurrent Neural Network – RNN": <c>h_t = f_W(h_{t−1}, x_t)</c>, "update hidden state"
/// <c>h_t = tanh(W_hh h_{t−1} + W_xh x_t)</c>, with the same weights re-used at every time step; the bias
/// <c>b_h</c> is PyTorch's <c>bias_ih + bias_hh</c>. The output <c>y_t = W_hy h_t</c> lives in <see cref="ManyToOne"/>.
/// Notebook 05-rnn-lstm checks it against <c>nn.RNNCell</c>, then follows ∂h_T/∂h_0 through it.
/// </remarks>
public sealed class RnnCell : Module<Tensor, Tensor?, Tensor>
{
    /// <summary>A cell with <paramref name="inputSize"/> inputs and <paramref name="hiddenSize"/> hidden units, initialised like <c>nn.RNNCell</c> (uniform ±1/√H).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1.</exception>
    public RnnCell(long inputSize, long hiddenSize) : base(nameof(RnnCell))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(hiddenSize, 1);
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        double k = 1 / Math.Sqrt(hiddenSize);
        W_hh = Parameter(torch.empty(hiddenSize, hiddenSize).uniform_(-k, k));    // (H, H)
        W_xh = Parameter(torch.empty(hiddenSize, inputSize).uniform_(-k, k));     // (H, I)
        b_h = Parameter(torch.empty(hiddenSize).uniform_(-k, k));                 // (H)
        RegisterComponents();
    }

    /// <summary>Recurrent weights W_hh, (H, H): the matrix multiplied into the gradient at every step back in time.</summary>
    public readonly Parameter W_hh;

    /// <summary>Input weights W_xh, (H, I).</summary>
    public readonly Parameter W_xh;

    /// <summary>Bias b_h, (H).</summary>
    public readonly Parameter b_h;

    /// <summary>Features per input vector x_t (I).</summary>
    public long InputSize { get; }

    /// <summary>Hidden units (H).</summary>
    public long HiddenSize { get; }

    /// <summary>One step: the new state h_t from the input x_t and the old state h_{t−1} (zeros when null).</summary>
    /// <param name="x">Input x_t, (B, I).</param>
    /// <param name="h">Old state h_{t−1}, (B, H), or null for zeros.</param>
    /// <returns>New state h_t, (B, H).</returns>
    /// <exception cref="ArgumentException">A shape does not fit the cell (the message names it).</exception>
    public override Tensor forward(Tensor x, Tensor? h)
    {
        RecurrentShapes.RequireStep(x, h, InputSize, HiddenSize, nameof(RnnCell));
        h ??= torch.zeros(x.shape[0], HiddenSize, dtype: x.dtype, device: x.device);
        return (h.matmul(W_hh.t()) + x.matmul(W_xh.t()) + b_h).tanh();            // (B, H)
    }

    /// <summary>One step with an optional old state (zeros when omitted).</summary>
    public new Tensor call(Tensor x, Tensor? h = null) => base.call(x, h);

    /// <summary>Run the cell over a whole sequence and return every state h_1 … h_T.</summary>
    /// <param name="X">Inputs, (B, T, I).</param>
    /// <param name="h0">Initial state h_0, (B, H), or null for zeros.</param>
    /// <returns>States (B, T, H).</returns>
    /// <exception cref="ArgumentException">X is not (B, T, I) or h0 is not (B, H).</exception>
    public Tensor Unroll(Tensor X, Tensor? h0 = null)
    {
        RecurrentShapes.RequireSequence(X, InputSize, nameof(RnnCell));
        var states = new List<Tensor>();
        var h = h0;
        for (long t = 0; t < X.shape[1]; t++)
        {
            h = call(X.select(1, t), h);                                              // (B, H)
            states.Add(h);
        }
        return torch.stack(states, 1);                                                // (B, T, H)
    }

    /// <summary>Copy the weights of PyTorch's <c>nn.RNNCell</c> (tanh): W_xh = weight_ih, W_hh = weight_hh, b_h = bias_ih + bias_hh.</summary>
    /// <exception cref="ArgumentException">The sizes differ (the message names both).</exception>
    public RnnCell LoadFrom(RNNCell torchCell)
    {
        ArgumentNullException.ThrowIfNull(torchCell);
        return LoadFrom(torchCell.weight_ih!, torchCell.weight_hh!, torchCell.bias_ih, torchCell.bias_hh);
    }

    /// <summary>Copy layer 0 of PyTorch's <c>nn.RNN</c> (tanh, one direction).</summary>
    /// <exception cref="ArgumentException">The sizes differ (the message names both).</exception>
    public RnnCell LoadFrom(RNN torchRnn)
    {
        ArgumentNullException.ThrowIfNull(torchRnn);
        var p = RecurrentShapes.Layer0(torchRnn);
        return LoadFrom(p["weight_ih_l0"], p["weight_hh_l0"], p.GetValueOrDefault("bias_ih_l0"), p.GetValueOrDefault("bias_hh_l0"));
    }

    /// <summary>Copy PyTorch-layout weights: <paramref name="weightIh"/> (H, I), <paramref name="weightHh"/> (H, H), biases (H) or null.</summary>
    /// <exception cref="ArgumentException">A shape differs from the cell's (the message names both).</exception>
    public RnnCell LoadFrom(Tensor weightIh, Tensor weightHh, Tensor? biasIh, Tensor? biasHh)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var bias = RecurrentShapes.PyTorchBias(weightIh, weightHh, biasIh, biasHh, 1, InputSize, HiddenSize, b_h);   // b_h = bias_ih + bias_hh
        W_xh.copy_(weightIh);
        W_hh.copy_(weightHh);
        b_h.copy_(bias);
        return this;
    }
}
