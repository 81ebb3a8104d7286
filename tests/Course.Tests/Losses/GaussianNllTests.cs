using Course.Losses;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Losses;

/// <summary>Gaussian NLL with σ = 1 is MSE/2 + ½ log 2π (seed 004), checked against TorchSharp's mse_loss, the density itself and autograd.</summary>
public sealed class GaussianNllTests
{
    [Fact]
    public void PerSampleIsHalfTheSquaredErrorPlusTheLogNormalizer()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        var mu = randn(64, 3);
        var y = randn(64, 3);
        var expected = nn.functional.mse_loss(mu, y, nn.Reduction.None) / 2 + 0.5 * Math.Log(2 * Math.PI);
        Assert.True((GaussianNll.PerSample(mu, y) - expected).abs().max().item<float>() < 1e-5);
    }

    [Fact]
    public void LossIsMseLossOverTwoPlusAConstant()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        var mu = randn(500);
        var y = randn(500) * 3;
        var mse = nn.functional.mse_loss(mu, y).item<float>();
        Assert.Equal(mse / 2 + GaussianNll.LogNormalizer, GaussianNll.Loss(mu, y).item<float>(), 4);
    }

    [Theory]
    [InlineData(0.0, 0.0, 1.0)]
    [InlineData(1.5, -0.5, 1.0)]
    [InlineData(2.0, 3.0, 0.5)]
    [InlineData(-1.0, 4.0, 2.5)]
    public void PerSampleIsMinusTheLogOfTheNormalDensity(double mu, double y, double sigma)
    {
        using var scope = NewDisposeScope();
        var density = Math.Exp(-(y - mu) * (y - mu) / (2 * sigma * sigma)) / (Math.Sqrt(2 * Math.PI) * sigma);
        var nll = GaussianNll.PerSample(tensor(new[] { mu }), tensor(new[] { y }), sigma).item<double>();
        Assert.Equal(-Math.Log(density), nll, 10);
    }

    [Fact]
    public void GradientIsTheGradientOfHalfTheMse()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var y = randn(32);
        var mu = randn(32, requires_grad: true);
        var ours = autograd.grad([GaussianNll.Loss(mu, y)], [mu])[0];
        var reference = autograd.grad([nn.functional.mse_loss(mu, y) / 2], [mu])[0];
        Assert.True((ours - reference).abs().max().item<float>() < 1e-6);
        Assert.True((ours - (mu.detach() - y) / 32).abs().max().item<float>() < 1e-6);   // d/dμ_i = (μ_i − y_i)/N
    }

    [Fact]
    public void MismatchedShapesAreAnErrorNamingThem()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ArgumentException>(() => GaussianNll.PerSample(zeros(3, 2), zeros(3)));
        Assert.Contains("(3, 2)", e.Message);
        Assert.Contains("(3)", e.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    public void NonPositiveSigmaIsAnError(double sigma)
    {
        using var scope = NewDisposeScope();
        Assert.Contains($"sigma = {sigma}", Assert.Throws<ArgumentException>(() => GaussianNll.PerSample(zeros(3), zeros(3), sigma)).Message);
    }
}
