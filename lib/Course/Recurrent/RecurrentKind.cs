namespace Course.Recurrent;

/// <summary>Which recurrence a <see cref="ManyToOne"/> network runs.</summary>
public enum RecurrentKind
{
    /// <summary>The vanilla RNN, h_t = tanh(W_hh h_{t−1} + W_xh x_t + b) (PyTorch's <c>nn.RNN</c>).</summary>
    Rnn,

    /// <summary>The LSTM with input, forget and output gates and a cell state (PyTorch's <c>nn.LSTM</c>).</summary>
    Lstm,
}
