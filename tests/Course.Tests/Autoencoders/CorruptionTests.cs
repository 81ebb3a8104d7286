using Course.Autoencoders;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Autoencoders;

/// <summary>The three DAE corruptions: their statistics on many pixels, repeatable under a seed, bad levels rejected.</summary>
public sealed class CorruptionTests
{
    private const int Pixels = 200_000;

    private static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && (a == b).all().item<bool>();

    private static double Fraction(Tensor mask) => mask.to_type(ScalarType.Float64).mean().ToDouble();

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    public void GaussianWithoutClippingAddsNoiseOfStandardDeviationSigma(double std)
    {
        var x = full(Pixels, 0.5f);
        var noise = Corruption.Gaussian(x, std, new Generator(1), clip: false) - x;
        Assert.Equal(std, noise.std().ToDouble(), 2);
        Assert.Equal(0.0, noise.mean().ToDouble(), 2);
    }

    [Fact]
    public void GaussianClipsToTheUnitIntervalAndLeavesTheMeanOfAMidGrayImage()
    {
        var x = full(Pixels, 0.5f);
        var noisy = Corruption.Gaussian(x, 0.5, new Generator(2));
        Assert.True(noisy.min().ToDouble() >= 0 && noisy.max().ToDouble() <= 1);
        Assert.Equal(0.5, noisy.mean().ToDouble(), 2);                                              // symmetric clipping
        Assert.InRange(Fraction(noisy == 1), 0.15, 0.17);                                          // P(ε > 0.5) = P(Z > 1) ≈ 0.159
    }

    [Fact]
    public void GaussianWithZeroSigmaChangesNothing()
    {
        var x = rand(4, 784);
        Assert.True(Same(Corruption.Gaussian(x, 0), x));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void MaskingZeroesAboutTheFractionAndKeepsTheRestUnchanged(double fraction)
    {
        var x = rand(Pixels, generator: new Generator(3)) + 0.1;                                   // no pixel is 0 before masking
        var masked = Corruption.Masking(x, fraction, new Generator(4));
        var zeroed = masked == 0;
        Assert.Equal(fraction, Fraction(zeroed), 2);
        Assert.True(Same(masked.masked_select(zeroed.logical_not()), x.masked_select(zeroed.logical_not())));
    }

    [Fact]
    public void SaltAndPepperSetsHalfOfTheReplacedPixelsToZeroAndHalfToOne()
    {
        var x = full(Pixels, 0.5f);
        var noisy = Corruption.SaltAndPepper(x, 0.2, new Generator(5));
        Assert.Equal(0.1, Fraction(noisy == 0), 2);
        Assert.Equal(0.1, Fraction(noisy == 1), 2);
        Assert.Equal(0.8, Fraction(noisy == 0.5), 2);
        Assert.Equal(Pixels, (noisy == 0).sum().ToInt64() + (noisy == 1).sum().ToInt64() + (noisy == 0.5).sum().ToInt64());
    }

    [Theory]
    [InlineData(NoiseKind.Gaussian, 0.5)]
    [InlineData(NoiseKind.Masking, 0.5)]
    [InlineData(NoiseKind.SaltAndPepper, 0.2)]
    public void TheSameSeedGivesTheSameNoiseAndAnotherSeedOther(NoiseKind kind, double level)
    {
        var x = rand(8, 1, 28, 28, generator: new Generator(6));
        var a = Corruption.Apply(kind, x, level, new Generator(7));
        Assert.Equal(x.shape, a.shape);
        Assert.Equal(x.dtype, a.dtype);
        Assert.True(Same(a, Corruption.Apply(kind, x, level, new Generator(7))));
        Assert.False(Same(a, Corruption.Apply(kind, x, level, new Generator(8))));
    }

    [Fact]
    public void AugmentationIsRepeatableAndDrawsFreshNoiseForEveryBatch()
    {
        var x = rand(16, 784, generator: new Generator(9));
        var first = Corruption.Augmentation(NoiseKind.Masking, 0.5, seed: 3);
        var second = Corruption.Augmentation(NoiseKind.Masking, 0.5, seed: 3);
        var batch1 = first(x);
        Assert.True(Same(batch1, second(x)));
        Assert.False(Same(first(x), batch1));
    }

    [Fact]
    public void CorruptionDoesNotModifyItsInput()
    {
        var x = rand(4, 784, generator: new Generator(10));
        var copy = x.clone();
        foreach (var kind in Enum.GetValues<NoiseKind>()) Corruption.Apply(kind, x, 0.5);
        Assert.True(Same(x, copy));
    }

    [Theory]
    [InlineData(NoiseKind.Gaussian, -0.1, "σ = -0.1")]
    [InlineData(NoiseKind.Masking, 1.5, "1.5")]
    [InlineData(NoiseKind.SaltAndPepper, -0.2, "-0.2")]
    [InlineData(NoiseKind.Masking, double.NaN, "NaN")]
    public void BadLevelsThrowNamingTheValue(NoiseKind kind, double level, string named)
    {
        var ex = Assert.Throws<ArgumentException>(() => Corruption.Apply(kind, zeros(2, 2), level));
        Assert.Contains(named, ex.Message);
        Assert.Throws<ArgumentException>(() => Corruption.Augmentation(kind, level));             // rejected before the first batch
    }
}
