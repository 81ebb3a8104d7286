using Course.Generative;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Generative;

/// <summary>log N(z; μ, diag σ²) against a slow per-coordinate loop of the textbook density.</summary>
public sealed class DiagonalGaussianTests
{
    [Fact]
    public void LogProbMatchesTheDensityFormulaCoordinateByCoordinate()
    {
        using var scope = NewDisposeScope();
        manual_seed(21);
        var z = randn(3, 4, dtype: ScalarType.Float64);
        var mu = randn(3, 4, dtype: ScalarType.Float64);
        var logVar = randn(3, 4, dtype: ScalarType.Float64);
        var fast = DiagonalGaussian.LogProb(z, mu, logVar);
        for (int i = 0; i < 3; i++)
        {
            double slow = 0;
            for (int j = 0; j < 4; j++)
            {
                double sigma = Math.Exp(0.5 * logVar[i, j].item<double>()), d = z[i, j].item<double>() - mu[i, j].item<double>();
                slow += Math.Log(Math.Exp(-d * d / (2 * sigma * sigma)) / (sigma * Math.Sqrt(2 * Math.PI)));
            }
            Assert.Equal(slow, fast[i].item<double>(), 9);
        }
    }

    [Fact]
    public void StandardLogProbIsLogProbWithZeroMeanAndUnitVariance()
    {
        using var scope = NewDisposeScope();
        manual_seed(22);
        var z = randn(5, 3, dtype: ScalarType.Float64);
        var expected = DiagonalGaussian.LogProb(z, zeros_like(z), zeros_like(z));
        Assert.True((DiagonalGaussian.StandardLogProb(z) - expected).abs().max().item<double>() < 1e-12);
        Assert.Equal(-0.5 * Math.Log(2 * Math.PI), DiagonalGaussian.StandardLogProb(zeros(1, 1, dtype: ScalarType.Float64)).item<double>(), 12);
    }

    [Fact]
    public void ALatentSizeMismatchIsAnError() =>
        Assert.Contains("(2, 5)", Assert.Throws<ArgumentException>(() => DiagonalGaussian.LogProb(zeros(2, 5), zeros(2, 3), zeros(2, 3))).Message);
}
