using Course.Recurrent;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Recurrent;

/// <summary>The lecture's RNN step against PyTorch's nn.RNNCell and nn.RNN (seed 001, "RNN").</summary>
public sealed class RnnCellTests
{
    [Fact]
    public void ParametersCarryTheLectureNames() =>
        Assert.Equal(["W_hh", "W_xh", "b_h"], new RnnCell(3, 4).named_parameters().Select(p => p.name).Order(StringComparer.Ordinal));

    [Fact]
    public void MatchesRnnCellOverSeveralStepsWithTheSameWeights()
    {
        manual_seed(1);
        var reference = nn.RNNCell(3, 5);
        var cell = new RnnCell(3, 5).LoadFrom(reference);
        Tensor? h = null;
        Tensor hRef = zeros(4, 5);
        for (int t = 0; t < 6; t++)
        {
            var x = randn(4, 3);
            h = cell.call(x, h);
            hRef = reference.call(x, hRef);
            Assert.True(h.allclose(hRef, 1e-5, 1e-6), $"step {t}: max |diff| {(h - hRef).abs().max().item<float>()}");
        }
    }

    [Fact]
    public void IsTheLectureFormulaTanhOfWhhHPlusWxhX()
    {
        var cell = new RnnCell(2, 3);
        var x = randn(1, 2);
        var h = randn(1, 3);
        var expected = (cell.W_hh.matmul(h[0]) + cell.W_xh.matmul(x[0]) + cell.b_h).tanh();
        Assert.True(cell.call(x, h)[0].allclose(expected, 1e-6, 1e-6));
    }

    [Fact]
    public void UnrollMatchesTheFusedRnnLayer()
    {
        manual_seed(2);
        var rnn = nn.RNN(3, 6, batchFirst: true);
        var cell = new RnnCell(3, 6).LoadFrom(rnn);
        var X = randn(2, 7, 3);
        var (expected, _) = rnn.call(X);
        Assert.True(cell.Unroll(X).allclose(expected, 1e-5, 1e-6));
    }

    [Fact]
    public void AMissingStateMeansZeros()
    {
        var cell = new RnnCell(2, 3);
        var x = randn(4, 2);
        Assert.True(cell.call(x).allclose(cell.call(x, zeros(4, 3))));
    }

    [Fact]
    public void AnInputOfTheWrongWidthIsRejectedNamingItsShape()
    {
        var ex = Assert.Throws<ArgumentException>(() => new RnnCell(3, 4).call(zeros(2, 5)));
        Assert.Contains("(2, 5)", ex.Message);
        Assert.Contains("(B, 3)", ex.Message);
    }

    [Fact]
    public void AStateOfTheWrongBatchIsRejectedNamingBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => new RnnCell(3, 4).call(zeros(2, 3), zeros(5, 4)));
        Assert.Contains("(5, 4)", ex.Message);
        Assert.Contains("(2, 4)", ex.Message);
    }

    [Fact]
    public void UnrollRejectsAStepBatchNamingItsShape()
    {
        var ex = Assert.Throws<ArgumentException>(() => new RnnCell(3, 4).Unroll(zeros(2, 3)));
        Assert.Contains("(2, 3)", ex.Message);
    }

    [Fact]
    public void LoadingWeightsOfAnotherSizeIsRejectedNamingBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => new RnnCell(3, 4).LoadFrom(nn.RNNCell(3, 5)));
        Assert.Contains("(4, 3)", ex.Message);
        Assert.Contains("(5, 3)", ex.Message);
    }

    [Fact]
    public void ABiasOfTheWrongSizeIsRejectedBeforeAnyWeightIsCopied()
    {
        var cell = new RnnCell(2, 3);
        var before = cell.W_hh.clone();
        var ex = Assert.Throws<ArgumentException>(() => cell.LoadFrom(ones(3, 2), ones(3, 3), zeros(4), null));
        Assert.Contains("bias_ih", ex.Message);
        Assert.True(cell.W_hh.allclose(before, 0, 0));
    }
}
