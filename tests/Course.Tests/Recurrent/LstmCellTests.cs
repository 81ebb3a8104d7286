using Course.Recurrent;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Recurrent;

/// <summary>The LSTM step from the lecture's gate equations against nn.LSTMCell and nn.LSTM (seed 000/001, "LSTM").</summary>
public sealed class LstmCellTests
{
    [Fact]
    public void ParametersAreTheLecturesOneMatrixAndBias()
    {
        var cell = new LstmCell(3, 5);
        Assert.Equal(["b", "w"], cell.named_parameters().Select(p => p.name).Order(StringComparer.Ordinal));
        Assert.Equal(new long[] { 20, 8 }, cell.W.shape);
    }

    [Fact]
    public void MatchesLstmCellOverSeveralStepsWithTheSameWeights()
    {
        manual_seed(3);
        var reference = nn.LSTMCell(4, 6);
        var cell = new LstmCell(4, 6).LoadFrom(reference);
        (Tensor, Tensor)? state = null;
        (Tensor, Tensor) stateRef = (zeros(5, 6), zeros(5, 6));
        for (int t = 0; t < 8; t++)
        {
            var x = randn(5, 4);
            state = cell.call(x, state);
            stateRef = reference.call(x, stateRef);
            Assert.True(state.Value.Item1.allclose(stateRef.Item1, 1e-5, 1e-6), $"h differs at step {t}");
            Assert.True(state.Value.Item2.allclose(stateRef.Item2, 1e-5, 1e-6), $"c differs at step {t}");
        }
    }

    [Fact]
    public void UnrollMatchesTheFusedLstmLayer()
    {
        manual_seed(4);
        var lstm = nn.LSTM(2, 7, batchFirst: true);
        var cell = new LstmCell(2, 7).LoadFrom(lstm);
        var X = randn(3, 9, 2);
        var (expected, hN, cN) = lstm.call(X);
        var (hidden, (h, c)) = cell.Unroll(X);
        Assert.True(hidden.allclose(expected, 1e-5, 1e-6));
        Assert.True(h.allclose(hN[0], 1e-5, 1e-6));
        Assert.True(c.allclose(cN[0], 1e-5, 1e-6));
    }

    [Fact]
    public void WithZeroWeightsEveryGateIsOneHalfAndTheCandidateZero()
    {
        var cell = new LstmCell(2, 3);
        using (no_grad()) { cell.W.zero_(); cell.Bias.zero_(); }
        var c0 = tensor(new float[] { 1, -2, 4 }).unsqueeze(0);
        var gates = cell.Gates(randn(1, 2), (randn(1, 3), c0));
        Assert.True(gates.ForgetGate.allclose(full(1, 3, 0.5f)));
        Assert.True(gates.Candidate.allclose(zeros(1, 3)));
        Assert.True(gates.CellState.allclose(c0 * 0.5f));                                     // c = ½·c₀ + ½·0
        Assert.True(gates.HiddenState.allclose((c0 * 0.5f).tanh() * 0.5f));                       // h = ½·tanh(c)
    }

    [Theory]
    [InlineData(0, "InputGate")]
    [InlineData(1, "ForgetGate")]
    [InlineData(2, "Candidate")]
    [InlineData(3, "OutputGate")]
    public void RowsOfWAreStackedInputForgetCellOutputLikePeepholeLstmCell(int block, string gate)
    {
        var cell = new LstmCell(1, 2);
        using (no_grad()) { cell.W.zero_(); cell.Bias.zero_(); cell.Bias.narrow(0, block * 2, 2).fill_(20); }
        var gates = cell.Gates(zeros(1, 1));
        var opened = (Tensor)typeof(LstmGates).GetProperty(gate)!.GetValue(gates)!;
        Assert.True(opened.allclose(ones(1, 2), 1e-6, 1e-6), $"{gate} should be open when bias block {block} is large");
    }

    [Fact]
    public void AnInputOfTheWrongWidthIsRejectedNamingItsShape()
    {
        var ex = Assert.Throws<ArgumentException>(() => new LstmCell(3, 4).call(zeros(2, 7)));
        Assert.Contains("(2, 7)", ex.Message);
    }

    [Fact]
    public void ACellStateOfTheWrongSizeIsRejectedNamingItsShape()
    {
        var ex = Assert.Throws<ArgumentException>(() => new LstmCell(3, 4).call(zeros(2, 3), (zeros(2, 4), zeros(2, 5))));
        Assert.Contains("(2, 5)", ex.Message);
    }

    [Fact]
    public void AStackedLstmIsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new LstmCell(2, 3).LoadFrom(nn.LSTM(2, 3, numLayers: 2)));
        Assert.Contains("weight_ih_l1", ex.Message);
    }

    [Fact]
    public void LoadingWeightsOfAnotherSizeIsRejectedNamingBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => new LstmCell(3, 4).LoadFrom(nn.LSTMCell(2, 4)));
        Assert.Contains("(16, 3)", ex.Message);
        Assert.Contains("(16, 2)", ex.Message);
    }

    [Fact]
    public void ABiasOfTheWrongSizeIsRejectedBeforeAnyWeightIsCopied()
    {
        var cell = new LstmCell(2, 3);
        var before = cell.W.clone();
        var ex = Assert.Throws<ArgumentException>(() => cell.LoadFrom(ones(12, 2), ones(12, 3), null, zeros(3)));
        Assert.Contains("bias_hh", ex.Message);
        Assert.True(cell.W.allclose(before, 0, 0));
    }
}
