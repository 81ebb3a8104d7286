using static TorchSharp.torch;

namespace Course.Recurrent;

/// <summary>The gates and states of one LSTM step, each (B, H), named and ordered as <see cref="PeepholeGates"/>: input, forget, cell (candidate), output gate, then the states.</summary>
/// <remarks>Returned by <see cref="LstmCell.Gates"/> so notebook 05-rnn-lstm can look inside a step.</remarks>
/// <param name="InputGate">i = σ(·): how much of the candidate to write.</param>
/// <param name="ForgetGate">f = σ(·): how much of the old cell state to keep (1 = keep all).</param>
/// <param name="Candidate">g = tanh(·): the candidate cell values ("C̃_t" on the lecture's slides).</param>
/// <param name="OutputGate">o = σ(·): how much of the squashed cell state to show as h_t.</param>
/// <param name="CellState">c_t = f ⊙ c_{t−1} + i ⊙ g.</param>
/// <param name="HiddenState">h_t = o ⊙ tanh(c_t).</param>
public sealed record LstmGates(Tensor InputGate, Tensor ForgetGate, Tensor Candidate, Tensor OutputGate, Tensor CellState, Tensor HiddenState);
