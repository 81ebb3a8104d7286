using TorchSharp;
using static TorchSharp.torch;

namespace Course.Recurrent;

/// <summary>Every quantity of one peephole-LSTM step, named as the lecture names it: input, forget, cell (candidate), output gate, then the states.</summary>
/// <remarks>
/// Seed 002 (Lecture 9), "Peephole convolutional LSTM"; seed 001 (Lecture 11), "LSTM – Gate 1, 2, 3".
/// Returned by <see cref="PeepholeLstmCell.Gates"/> (vectors (B, H)) and <see cref="ConvLstmCell.Gates"/>
/// (maps (B, C, H, W)); notebook 06-conv-lstm looks at the gate values of one step.
/// </remarks>
/// <param name="InputGate">i(t) = σ(W_i h(t−1) + U_i x(t) + V_i ⊙ C(t−1) + b_i), in (0, 1): how much of the candidate to add.</param>
/// <param name="ForgetGate">f(t) = σ(W_f h(t−1) + U_f x(t) + V_f ⊙ C(t−1) + b_f), in (0, 1): how much of C(t−1) to keep.</param>
/// <param name="Candidate">C̃(t) = tanh(W_c h(t−1) + U_c x(t) + b_c), in (−1, 1): the candidate cell values.</param>
/// <param name="OutputGate">O(t) = σ(W_o h(t−1) + U_o x(t) + V_o ⊙ C(t) + b_o): peeks at the new cell state.</param>
/// <param name="CellState">C(t) = f(t) ⊙ C(t−1) + i(t) ⊙ C̃(t).</param>
/// <param name="HiddenState">h(t) = O(t) ⊙ tanh(C(t)).</param>
public sealed record PeepholeGates(Tensor InputGate, Tensor ForgetGate, Tensor Candidate, Tensor OutputGate, Tensor CellState, Tensor HiddenState)
{
    /// <summary>The gate equations, given the stacked pre-activations <c>W h(t−1) + U x(t) + b</c> in the order (input, forget, candidate, output).</summary>
    /// <remarks>
    /// Shared by the dense and the convolutional cell: only how the pre-activations are computed differs
    /// (matrix products vs convolutions). The order (i, f, c, o) is PyTorch's, so <c>nn.LSTMCell</c> weights copy over unchanged.
    /// The slide as transcribed writes σ for the candidate and h(t) = O(t) ⊙ C(t); Gers &amp; Schmidhuber (2000) and
    /// Shi et al. (2015) use tanh in both places, as here (notebook 06-conv-lstm, "The lecture's equations").
    /// </remarks>
    /// <param name="preActivations">(B, 4·H) or (B, 4·C, H, W): chunked along dimension 1.</param>
    /// <param name="previousCell">C(t−1), (B, H) or (B, C, H, W).</param>
    /// <param name="peepholeInput">V_i, broadcastable to C.</param>
    /// <param name="peepholeForget">V_f, broadcastable to C.</param>
    /// <param name="peepholeOutput">V_o, broadcastable to C.</param>
    internal static PeepholeGates Compute(Tensor preActivations, Tensor previousCell, Tensor peepholeInput, Tensor peepholeForget, Tensor peepholeOutput)
    {
        var z = preActivations.chunk(4, 1);                                        // 4 × (B, H) or (B, C, H, W)
        var i = torch.sigmoid(z[0] + peepholeInput * previousCell);               // input gate peeks at C(t−1)
        var f = torch.sigmoid(z[1] + peepholeForget * previousCell);              // forget gate peeks at C(t−1)
        var candidate = torch.tanh(z[2]);                                          // C̃(t)
        var c = f * previousCell + i * candidate;                                  // C(t)
        var o = torch.sigmoid(z[3] + peepholeOutput * c);                          // output gate peeks at C(t)
        var h = o * torch.tanh(c);                                                 // h(t)
        return new PeepholeGates(i, f, candidate, o, c, h);
    }
}
