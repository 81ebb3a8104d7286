using Course.Generative;
using Xunit;

namespace Course.Tests.Generative;

/// <summary>The minimax value and D* (seed 001, "GAN Training"; Goodfellow et al. 2014, Proposition 1 and Theorem 1).</summary>
public sealed class MinimaxValueTests
{
    private static readonly Gaussian1d Standard = new(0, 1);

    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 0.5)]
    [InlineData(-2, 4)]
    public void AtEqualityTheValueIsMinusLogFour(double mean, double std)
    {
        var p = new Gaussian1d(mean, std);
        Assert.Equal(-Math.Log(4), MinimaxValue.Optimal(p, p), 9);
        Assert.Equal(0.5, MinimaxValue.OptimalDiscriminator(mean + 0.7, p, p), 12);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 1)]
    [InlineData(0, 2)]
    [InlineData(8, 0.5)]
    public void OptimalValueIsMinusLogFourPlusTwiceTheJensenShannonDivergence(double mean, double std)
    {
        var pG = new Gaussian1d(mean, std);
        Assert.Equal(-Math.Log(4) + 2 * MinimaxValue.JensenShannon(Standard, pG), MinimaxValue.Optimal(Standard, pG), 7);
        Assert.InRange(MinimaxValue.JensenShannon(Standard, pG), 0, Math.Log(2));
    }

    [Fact]
    public void FarApartDensitiesGiveJsdLogTwoAndValueZero()
    {
        var pG = new Gaussian1d(100, 1);
        Assert.Equal(Math.Log(2), MinimaxValue.JensenShannon(Standard, pG), 6);
        Assert.Equal(0, MinimaxValue.Optimal(Standard, pG), 6);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(0.3)]
    [InlineData(2.5)]
    public void OptimalDiscriminatorIsTheRatioOfDensities(double x)
    {
        var pG = new Gaussian1d(2, 1.5);
        double a = Math.Exp(-x * x / 2) / Math.Sqrt(2 * Math.PI);
        double b = Math.Exp(-(x - 2) * (x - 2) / (2 * 1.5 * 1.5)) / (1.5 * Math.Sqrt(2 * Math.PI));
        Assert.Equal(a / (a + b), MinimaxValue.OptimalDiscriminator(x, Standard, pG), 12);
    }

    [Fact]
    public void OptimalEqualsOfWithDStarAndBeatsOtherDiscriminators()
    {
        var pG = new Gaussian1d(1.5, 1);
        double best = MinimaxValue.Optimal(Standard, pG);
        Assert.Equal(best, MinimaxValue.Of(x => MinimaxValue.OptimalDiscriminator(x, Standard, pG), Standard, pG), 8);
        Assert.True(MinimaxValue.Of(_ => 0.5, Standard, pG) < best);
        Assert.Equal(-Math.Log(4), MinimaxValue.Of(_ => 0.5, Standard, pG), 9);
        Assert.True(MinimaxValue.Of(x => Math.Clamp(MinimaxValue.OptimalDiscriminator(x, Standard, pG) + 0.05, 0, 0.999), Standard, pG) < best);
    }

    [Fact]
    public void SimpsonIntegratesACubicExactly() =>
        Assert.Equal(0.25, MinimaxValue.Integrate(x => x * x * x, (0, 1), 3), 12);

    [Fact]
    public void DensityIntegratesToOne() =>
        Assert.Equal(1, MinimaxValue.Integrate(new Gaussian1d(1, 0.3).Density, (-5, 7)), 9);

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void EvenOrTooFewPointsAreRejectedNamingTheCount(int points)
    {
        var ex = Assert.Throws<ArgumentException>(() => MinimaxValue.Optimal(Standard, Standard, points));
        Assert.Contains(points.ToString(), ex.Message);
    }

    [Fact]
    public void DiscriminatorOutsideZeroOneIsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => MinimaxValue.Of(_ => 1.2, Standard, Standard));
        Assert.Contains("1.2", ex.Message);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, -1)]
    [InlineData(double.NaN, 1)]
    public void BadGaussiansAreRejected(double mean, double std) =>
        Assert.Throws<ArgumentException>(() => new Gaussian1d(mean, std));
}
