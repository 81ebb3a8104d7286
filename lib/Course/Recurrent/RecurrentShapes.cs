using Course.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Course.Recurrent;

/// <summary>Shape checks shared by the recurrent cells; every message names the shapes involved.</summary>
/// <remarks>Used by <see cref="RnnCell"/>, <see cref="LstmCell"/>, <see cref="ManyToOne"/> and <see cref="GradientNorms"/> (notebook 05-rnn-lstm).</remarks>
internal static class RecurrentShapes
{
    /// <summary>Throw unless x is (B, inputSize) and each state, when given, is (B, hiddenSize).</summary>
    public static void RequireStep(Tensor x, Tensor? h, long inputSize, long hiddenSize, string cell, Tensor? c = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() != 2 || x.shape[1] != inputSize)
            throw new ArgumentException($"{cell} expects an input x_t of shape (B, {inputSize}), but got {ShapeText.Of(x)}.", nameof(x));
        RequireState(h, x.shape[0], hiddenSize, cell, "h");
        RequireState(c, x.shape[0], hiddenSize, cell, "c");
    }

    /// <summary>Throw unless X is a batch of sequences (B, T, inputSize) with T ≥ 1.</summary>
    public static void RequireSequence(Tensor X, long inputSize, string who)
    {
        ArgumentNullException.ThrowIfNull(X);
        if (X.dim() != 3 || X.shape[2] != inputSize || X.shape[1] < 1)
            throw new ArgumentException($"{who} expects sequences of shape (B, T, {inputSize}) with T ≥ 1, but got {ShapeText.Of(X)}.", nameof(X));
    }

    /// <summary>Throw unless <paramref name="t"/> has exactly <paramref name="shape"/>.</summary>
    public static void RequireShape(Tensor t, long[] shape, string what)
    {
        ArgumentNullException.ThrowIfNull(t);
        if (!t.shape.AsSpan().SequenceEqual(shape))
            throw new ArgumentException($"{what} should have shape {ShapeText.Of(shape)} but has {ShapeText.Of(t)}.", what);
    }

    /// <summary>Check weights in PyTorch's layout for a cell of <paramref name="blocks"/> gate blocks (1 for the RNN, 4 for the LSTM) and return <c>bias_ih + bias_hh</c> (a missing bias counts as zeros).</summary>
    /// <remarks>Checks everything before the caller copies anything, so a wrong shape leaves the cell as it was.</remarks>
    public static Tensor PyTorchBias(Tensor weightIh, Tensor weightHh, Tensor? biasIh, Tensor? biasHh, long blocks, long inputSize, long hiddenSize, Tensor like)
    {
        long rows = blocks * hiddenSize;
        RequireShape(weightIh, [rows, inputSize], "weight_ih");
        RequireShape(weightHh, [rows, hiddenSize], "weight_hh");
        if (biasIh is not null) RequireShape(biasIh, [rows], "bias_ih");
        if (biasHh is not null) RequireShape(biasHh, [rows], "bias_hh");
        var bias = torch.zeros(rows, dtype: like.dtype, device: like.device);
        if (biasIh is not null) bias += biasIh;
        if (biasHh is not null) bias += biasHh;
        return bias;
    }

    /// <summary>The parameters of a PyTorch RNN/LSTM layer by name (weight_ih_l0, …), refusing stacked or bidirectional layers.</summary>
    public static Dictionary<string, Tensor> Layer0(nn.Module module)
    {
        var p = module.named_parameters().ToDictionary(n => n.name, n => (Tensor)n.parameter);
        if (p.Keys.Any(k => k.EndsWith("_reverse", StringComparison.Ordinal) || k.EndsWith("_l1", StringComparison.Ordinal)))
            throw new ArgumentException($"Only a single-layer, one-direction {module.GetName()} can be copied into a cell; it has parameters {string.Join(", ", p.Keys)}.", nameof(module));
        return p;
    }

    private static void RequireState(Tensor? s, long batch, long hiddenSize, string cell, string name)
    {
        if (s is not null && (s.dim() != 2 || s.shape[0] != batch || s.shape[1] != hiddenSize))
            throw new ArgumentException($"{cell} expects a state {name} of shape ({batch}, {hiddenSize}) for a batch of {batch} inputs, but got {ShapeText.Of(s)}.", name);
    }
}
