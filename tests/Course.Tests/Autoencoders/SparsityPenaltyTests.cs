using Course.Autoencoders;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Autoencoders;

/// <summary>L1 and KL sparsity penalties against slow loops, BCE, the hand-computed slide value and autograd.</summary>
public sealed class SparsityPenaltyTests
{
    private static Tensor Codes(int b, int h, int seed) => rand(b, h, ScalarType.Float64, generator: new Generator((ulong)seed));

    [Fact]
    public void L1IsTheSumOfAbsoluteCodesPerSampleAveragedOverTheBatch()
    {
        var code = randn(5, 7, ScalarType.Float64, generator: new Generator(1));
        var values = code.data<double>().ToArray();
        double total = 0;
        for (int i = 0; i < 5; i++)
            for (int j = 0; j < 7; j++)
                total += Math.Abs(values[i * 7 + j]);
        Assert.Equal(total / 5, SparsityPenalty.L1(code).ToDouble(), 12);
    }

    [Fact]
    public void L2IsTheSumOfSquaredCodesPerSampleAveragedOverTheBatchAndShrinksLargeActivationsFaster()
    {
        var code = randn(5, 7, ScalarType.Float64, generator: new Generator(1));
        var values = code.data<double>().ToArray();
        Assert.Equal(values.Sum(v => v * v) / 5, SparsityPenalty.L2(code).ToDouble(), 12);

        var h = tensor(new[,] { { 0.1, 0.9 } }, requires_grad: true);                    // a small and a large activation
        SparsityPenalty.L2(h).backward();
        Assert.Equal(new[] { 0.2, 1.8 }, h.grad!.data<double>().ToArray().Select(g => Math.Round(g, 12)));   // 2h: nine times the pull on the large one
    }

    [Fact]
    public void MeanActivationAveragesEveryUnitOverTheBatch()
    {
        var code = Codes(6, 4, 2);
        var values = code.data<double>().ToArray();
        var rhoHat = SparsityPenalty.MeanActivation(code).data<double>().ToArray();
        for (int j = 0; j < 4; j++)
            Assert.Equal(Enumerable.Range(0, 6).Average(i => values[i * 4 + j]), rhoHat[j], 12);
    }

    [Fact]
    public void KlDivergenceMatchesTheSlideFormulaUnitByUnit()
    {
        const double rho = 0.05;
        var rhoHat = Codes(1, 20, 3).squeeze(0);
        double expected = rhoHat.data<double>().ToArray()
            .Sum(p => rho * Math.Log(rho / p) + (1 - rho) * Math.Log((1 - rho) / (1 - p)));
        Assert.Equal(expected, SparsityPenalty.KlDivergence(rho, rhoHat).ToDouble(), 10);
    }

    [Fact]
    public void KlDivergenceIsCrossEntropyMinusEntropy()
    {
        const double rho = 0.1;
        var rhoHat = Codes(1, 30, 4).squeeze(0);
        var crossEntropy = nn.functional.binary_cross_entropy(rhoHat, full_like(rhoHat, rho), reduction: nn.Reduction.Sum).ToDouble();
        double entropy = -(rho * Math.Log(rho) + (1 - rho) * Math.Log(1 - rho)) * 30;
        Assert.Equal(crossEntropy - entropy, SparsityPenalty.KlDivergence(rho, rhoHat).ToDouble(), 8);
    }

    [Theory]
    [InlineData(0.5, 0.494632)]      // 0.05 ln 0.1 + 0.95 ln 1.9
    [InlineData(0.05, 0.0)]
    [InlineData(0.01, 0.041291)]     // 0.05 ln 5 + 0.95 ln(0.95/0.99)
    public void KlDivergenceOfOneUnitWithTargetFivePercent(double rhoHat, double expected)
    {
        Assert.Equal(expected, SparsityPenalty.KlDivergence(0.05, tensor(new[] { rhoHat })).ToDouble(), 5);
    }

    [Fact]
    public void KlGradientPullsEachUnitTowardsRho()
    {
        const double rho = 0.05;
        var code = Codes(8, 5, 5).requires_grad_(true);
        var grad = autograd.grad([SparsityPenalty.Kl(code, rho)], [code])[0];                      // (8, 5)
        var p = code.detach().mean([0L]);
        var expected = ((-rho / p) + (1 - rho) / (1 - p)) / 8;                                     // dKL/dρ̂_j · dρ̂_j/dh_ij
        Assert.True(grad.allclose(expected.unsqueeze(0).expand(8, 5), 1e-9, 1e-12));
    }

    [Fact]
    public void KlRejectsActivationsOutsideTheUnitIntervalSuggestingSigmoidUnits()
    {
        var ex = Assert.Throws<ArgumentException>(() => SparsityPenalty.Kl(tensor(new[,] { { 0.5, 1.5 } }), 0.05));
        Assert.Contains("sigmoid", ex.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    public void KlRejectsATargetOutsideZeroToOne(double rho)
    {
        var ex = Assert.Throws<ArgumentException>(() => SparsityPenalty.KlDivergence(rho, full(3, 0.5)));
        Assert.Contains($"ρ = {rho}", ex.Message);
    }

    [Fact]
    public void PenaltiesRejectAFlatCodeNamingItsShape()
    {
        Assert.Contains("(784)", Assert.Throws<ArgumentException>(() => SparsityPenalty.L1(zeros(784))).Message);
        Assert.Contains("(784)", Assert.Throws<ArgumentException>(() => SparsityPenalty.L2(zeros(784))).Message);
        Assert.Contains("(2, 3)", Assert.Throws<ArgumentException>(() => SparsityPenalty.KlDivergence(0.05, full(2, 3, 0.5))).Message);
    }
}
