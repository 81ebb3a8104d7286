using Course.Autoencoders;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Autoencoders;

/// <summary>The one-hidden-layer sigmoid AE: the slide's formulas, tied and untied weights, shapes and errors.</summary>
public sealed class SigmoidAutoencoderTests
{
    [Theory]
    [InlineData(true, 784 * 64 + 64 + 784)]
    [InlineData(false, 2 * 784 * 64 + 64 + 784)]
    public void ParameterCountFollowsWeightTying(bool tied, long expected)
    {
        var net = new SigmoidAutoencoder(784, 64, tied);
        Assert.Equal(expected, net.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void TiedDecoderComputesSigmoidOfWTransposedZPlusBias()
    {
        manual_seed(1);
        var net = new SigmoidAutoencoder(10, 3);
        var x = rand(4, 10);
        using var noGrad = no_grad();
        var w = net.EncoderWeight;                                                                   // (3, 10)
        var b = net.parameters().Single(p => p.dim() == 1 && p.shape[0] == 3);                     // b_e
        var z = sigmoid(x.matmul(w.t()) + b);
        Assert.True(net.Encode(x).allclose(z, 1e-6, 1e-7));
        var decoded = net.forward(x);
        Assert.True(decoded.allclose(sigmoid(z.matmul(w)), 1e-6, 1e-7));                          // b_d starts at 0
        Assert.Equal(new long[] { 4, 10 }, decoded.shape);
    }

    [Fact]
    public void OutputsAndCodesLieStrictlyBetweenZeroAndOne()
    {
        var net = new SigmoidAutoencoder(784, 16, tiedWeights: false);
        using var noGrad = no_grad();
        var x = rand(8, 784);
        foreach (var t in new[] { net.Encode(x), net.forward(x) })
            Assert.True(t.min().ToDouble() > 0 && t.max().ToDouble() < 1);
    }

    [Fact]
    public void ImagesInsteadOfFlatRowsThrowNamingTheShape()
    {
        var net = new SigmoidAutoencoder();
        var ex = Assert.Throws<ArgumentException>(() => net.forward(zeros(2, 1, 28, 28)));
        Assert.Contains("(2, 1, 28, 28)", ex.Message);
        Assert.Contains("(2, 5)", Assert.Throws<ArgumentException>(() => net.Decode(zeros(2, 5))).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SigmoidAutoencoder(784, 0));
    }
}
