using Course.Data;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Data;

/// <summary>The data sets of Rifai et al.'s second table: rotation, noise background, shapes and names.</summary>
public sealed class DigitVariantsTests
{
    [Theory]
    [InlineData(DigitVariant.Basic, "basic")]
    [InlineData(DigitVariant.Rotated, "rot")]
    [InlineData(DigitVariant.RandomBackground, "bg-rand")]
    [InlineData(DigitVariant.Rectangles, "rect")]
    public void NameIsThePapersName(DigitVariant variant, string expected) => Assert.Equal(expected, DigitVariants.Name(variant));

    [Fact]
    public void QuarterTurnMovesEveryPixelAsRot90Does()
    {
        var images = rand(3, 1, 28, 28, generator: new Generator(1));
        var turned = DigitVariants.Rotate(images, full(3, Math.PI / 2));
        Assert.True(turned.allclose(rot90(images, 1, (2, 3)), 1e-5, 1e-5));
    }

    [Fact]
    public void ZeroAngleLeavesTheImageAlone()
    {
        var images = rand(2, 1, 28, 28, generator: new Generator(2));
        Assert.True(DigitVariants.Rotate(images, zeros(2)).allclose(images, 1e-5, 1e-5));
    }

    [Fact]
    public void RandomRotationTurnsEachDigitByItsOwnAngleAndKeepsItsInk()
    {
        var digits = Mnist.Load(MnistBytesTests.BundledFolder).Images.narrow(0, 0, 64);
        var turned = DigitVariants.RandomRotation(digits, new Generator(3));
        Assert.Equal(digits.shape, turned.shape);
        var changed = (turned - digits).abs().sum([1, 2, 3]);                                     // (64) per image
        Assert.True(changed.min().item<float>() > 1, "every digit moved");
        var inkRatio = turned.sum([1, 2, 3]) / digits.sum([1, 2, 3]);                              // bilinear keeps the ink, centred digits stay inside
        Assert.InRange(inkRatio.mean().item<float>(), 0.9, 1.05);
        var firstTwo = DigitVariants.RandomRotation(digits.narrow(0, 0, 1).expand(2, 1, 28, 28), new Generator(3));
        Assert.False(firstTwo[0].allclose(firstTwo[1], 1e-3, 1e-3), "two copies of a digit get different angles");
    }

    [Fact]
    public void RandomBackgroundKeepsTheDigitOnTopOfUniformNoise()
    {
        var digits = Mnist.Load(MnistBytesTests.BundledFolder).Images.narrow(0, 0, 32);
        var noisy = DigitVariants.RandomBackground(digits, new Generator(4));
        Assert.True((noisy >= digits).all().item<bool>(), "no pixel gets darker than the digit");
        Assert.True((noisy <= 1).all().item<bool>());
        var background = noisy.masked_select(digits == 0);
        Assert.InRange(background.mean().item<float>(), 0.47, 0.53);                               // U[0, 1] has mean ½
    }

    [Theory]
    [InlineData(DigitVariant.Basic, 10)]
    [InlineData(DigitVariant.Rotated, 10)]
    [InlineData(DigitVariant.RandomBackground, 10)]
    [InlineData(DigitVariant.Rectangles, 2)]
    public void MakeGivesTrainAndTestImagesOfTheAskedSizes(DigitVariant variant, int numClasses)
    {
        var (train, test) = DigitVariants.Make(variant, 300, 100, seed: 5);
        Assert.Equal([300L, 1, 28, 28], train.Images.shape);
        Assert.Equal([100L, 1, 28, 28], test.Images.shape);
        Assert.Equal(numClasses, (int)train.Labels.unique().Item1.numel());
        Assert.InRange(train.Images.min().item<float>(), 0, 1);
        Assert.InRange(train.Images.max().item<float>(), 0, 1);
    }

    [Fact]
    public void MakeWithTheSameSeedGivesTheSameImages()
    {
        var a = DigitVariants.Make(DigitVariant.Rotated, 50, 20, seed: 6);
        var b = DigitVariants.Make(DigitVariant.Rotated, 50, 20, seed: 6);
        Assert.True(a.Train.Images.allclose(b.Train.Images, 0, 0));
    }

    [Fact]
    public void RotateRefusesOneAnglePerWrongCountNamingBothShapes()
    {
        var error = Assert.Throws<ArgumentException>(() => DigitVariants.Rotate(zeros(3, 1, 28, 28), zeros(2)));
        Assert.Contains("(3, 1, 28, 28)", error.Message);
        Assert.Contains("(2)", error.Message);
    }
}
