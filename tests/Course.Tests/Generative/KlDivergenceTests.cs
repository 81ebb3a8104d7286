using Course.Generative;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Generative;

/// <summary>KL(N(μ, σ²) ‖ N(0, I)) in closed form (seed 003) against hand values, a Monte-Carlo estimate, the general Gaussian formula and autograd.</summary>
public sealed class KlDivergenceTests
{
    [Theory]
    [InlineData(0.0, 1.0, 0.0)]
    [InlineData(1.0, 1.0, 0.5)]
    [InlineData(-2.0, 1.0, 2.0)]
    [InlineData(0.0, 2.0, 0.80685281944)]          // ½(4 − 1 − ln 4)
    [InlineData(2.0, 0.5, 2.31814718056)]          // ½(0.25 + 4 − 1 − ln 0.25)
    [InlineData(0.0, 0.1, 1.80758509299)]          // ½(0.01 − 1 − ln 0.01)
    public void OneDimensionMatchesTheHandFormula(double mu, double sigma, double expected)
    {
        Assert.Equal(expected, KlDivergence.ToStandardNormal(mu, sigma), 9);
        var tensorKl = KlDivergence.ToStandardNormal(tensor(new[] { mu }), tensor(new[] { Math.Log(sigma * sigma) })).item<double>();
        Assert.Equal(expected, tensorKl, 9);
    }

    [Fact]
    public void LatentVariablesAddUp()
    {
        using var scope = NewDisposeScope();
        var mu = tensor(new[,] { { 0.0, 1.0, -2.0 }, { 0.5, 0.5, 0.5 } });
        var logVar = tensor(new[,] { { 0.0, 0.0, 0.0 }, { Math.Log(4), 0.0, Math.Log(0.25) } });
        var kl = KlDivergence.ToStandardNormal(mu, logVar);
        Assert.Equal(new long[] { 2 }, kl.shape);
        Assert.Equal(0 + 0.5 + 2.0, kl[0].item<double>(), 9);
        var second = KlDivergence.ToStandardNormal(0.5, 2) + KlDivergence.ToStandardNormal(0.5, 1) + KlDivergence.ToStandardNormal(0.5, 0.5);
        Assert.Equal(second, kl[1].item<double>(), 9);
    }

    [Fact]
    public void ClosedFormAgreesWithMonteCarloWithinTwoPercent()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(11);
        var mu = randn([4, 20], generator: generator);
        var logVar = rand([4, 20], generator: generator) * 3 - 2;                             // log σ² in [−2, 1]
        var closed = KlDivergence.ToStandardNormal(mu, logVar).to_type(ScalarType.Float64);
        var estimate = KlDivergence.MonteCarlo(mu, logVar, 20_000, generator);
        var relative = ((estimate - closed).abs() / closed).max().item<double>();
        Assert.True(relative < 0.02, $"largest relative difference {relative}");
    }

    [Fact]
    public void MonteCarloWithFewSamplesIsNoisyButUnbiased()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(12);
        var mu = tensor(new[] { 1.0f });
        var logVar = tensor(new[] { 0.0f });                                                  // KL = ½
        var estimates = Enumerable.Range(0, 400).Select(_ => KlDivergence.MonteCarlo(mu, logVar, 5, generator).item<double>()).ToArray();
        Assert.True(estimates.Max() - estimates.Min() > 0.5, "five samples should give visibly different estimates");
        Assert.Equal(0.5, estimates.Average(), 1);
    }

    [Fact]
    public void BetweenReducesToToStandardNormalAndMatchesMonteCarlo()
    {
        using var scope = NewDisposeScope();
        manual_seed(13);
        var mu = randn(3, 5, dtype: ScalarType.Float64);
        var logVar = randn(3, 5, dtype: ScalarType.Float64);
        var standard = KlDivergence.Between(mu, logVar, zeros_like(mu), zeros_like(logVar));
        Assert.True((standard - KlDivergence.ToStandardNormal(mu, logVar)).abs().max().item<double>() < 1e-12);

        // KL(q‖p) for p = N(m, s²): shift and scale z so that p becomes N(0, 1), which leaves KL unchanged.
        var m = randn(3, 5, dtype: ScalarType.Float64);
        var logS2 = randn(3, 5, dtype: ScalarType.Float64) * 0.5;
        var shifted = KlDivergence.ToStandardNormal((mu - m) * (-0.5 * logS2).exp(), logVar - logS2);
        Assert.True((KlDivergence.Between(mu, logVar, m, logS2) - shifted).abs().max().item<double>() < 1e-10);
    }

    [Fact]
    public void GradientsAreMuAndHalfOfSigmaSquaredMinusOne()
    {
        using var scope = NewDisposeScope();
        manual_seed(14);
        var mu = randn(6, 4, requires_grad: true);
        var logVar = randn(6, 4, requires_grad: true);
        var grads = autograd.grad([KlDivergence.ToStandardNormal(mu, logVar).sum()], [mu, logVar]);
        Assert.True((grads[0] - mu.detach()).abs().max().item<float>() < 1e-5);
        Assert.True((grads[1] - 0.5 * (logVar.detach().exp() - 1)).abs().max().item<float>() < 1e-5);
    }

    [Fact]
    public void MismatchedShapesAreAnErrorNamingBoth()
    {
        var e = Assert.Throws<ArgumentException>(() => KlDivergence.ToStandardNormal(zeros(4, 20), zeros(4, 2)));
        Assert.Contains("(4, 20)", e.Message);
        Assert.Contains("(4, 2)", e.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void ANonPositiveSigmaIsAnError(double sigma) =>
        Assert.Throws<ArgumentException>(() => KlDivergence.ToStandardNormal(0, sigma));

    [Fact]
    public void MonteCarloNeedsASample() =>
        Assert.Throws<ArgumentException>(() => KlDivergence.MonteCarlo(zeros(2), zeros(2), 0));
}
