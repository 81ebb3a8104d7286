using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Course.Recurrent;

/// <summary>Reads a whole sequence and predicts one vector from the last state: <c>ŷ = W_hy h_T + b_y</c>.</summary>
/// <remarks>
/// Seed 001 (Lecture 11), "Sequence modeling – Many to One" (sentiment classification) and "RNN – output vector
/// <c>ŷ_t = W_hy h_t</c>". The recurrence is PyTorch's fused <c>nn.RNN</c> / <c>nn.LSTM</c> (one layer, batch first),
/// which notebook 05-rnn-lstm shows computes the same as <see cref="RnnCell"/> / <see cref="LstmCell"/> step by step;
/// it trains this network on the adding problem.
/// </remarks>
public sealed class ManyToOne : Module<Tensor, Tensor>
{
    private readonly Module rnn;
    private readonly Linear W_hy;

    /// <summary>A network with the given recurrence, <paramref name="hiddenSize"/> units and <paramref name="outputSize"/> outputs.</summary>
    /// <param name="kind">RNN or LSTM.</param>
    /// <param name="inputSize">Features per time step (I).</param>
    /// <param name="hiddenSize">Hidden units (H).</param>
    /// <param name="outputSize">Outputs per sequence; 1 gives predictions of shape (B).</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1.</exception>
    public ManyToOne(RecurrentKind kind, long inputSize, long hiddenSize, long outputSize = 1) : base(nameof(ManyToOne))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(hiddenSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputSize, 1);
        (Kind, InputSize, HiddenSize, OutputSize) = (kind, inputSize, hiddenSize, outputSize);
        rnn = kind == RecurrentKind.Lstm ? LSTM(inputSize, hiddenSize, batchFirst: true) : RNN(inputSize, hiddenSize, batchFirst: true);
        W_hy = Linear(hiddenSize, outputSize);
        RegisterComponents();
    }

    /// <summary>The recurrence this network runs.</summary>
    public RecurrentKind Kind { get; }

    /// <summary>Features per time step (I).</summary>
    public long InputSize { get; }

    /// <summary>Hidden units (H).</summary>
    public long HiddenSize { get; }

    /// <summary>Outputs per sequence.</summary>
    public long OutputSize { get; }

    /// <summary>The PyTorch recurrent layer (<c>nn.LSTM</c> or <c>nn.RNN</c>), e.g. for <see cref="LstmCell.LoadFrom(LSTM)"/>.</summary>
    public Module Recurrence => rnn;

    /// <summary>Every hidden state h_1 … h_T of a batch of sequences.</summary>
    /// <param name="X">Sequences (B, T, I).</param>
    /// <returns>(B, T, H).</returns>
    /// <exception cref="ArgumentException">X is not (B, T, I) (the message names its shape).</exception>
    public Tensor States(Tensor X)
    {
        RecurrentShapes.RequireSequence(X, InputSize, nameof(ManyToOne));
        return rnn is LSTM lstm ? lstm.call(X).Item1 : ((RNN)rnn).call(X).Item1;     // (B, T, H)
    }

    /// <summary>One prediction per sequence from its last hidden state.</summary>
    /// <param name="X">Sequences (B, T, I).</param>
    /// <returns>(B) when <see cref="OutputSize"/> is 1, else (B, OutputSize).</returns>
    /// <exception cref="ArgumentException">X is not (B, T, I) (the message names its shape).</exception>
    public override Tensor forward(Tensor X)
    {
        var hT = States(X).select(1, -1);                                              // (B, H): the last state h_T
        var yHat = W_hy.call(hT);                                                      // (B, OutputSize)
        return OutputSize == 1 ? yHat.squeeze(1) : yHat;
    }
}
