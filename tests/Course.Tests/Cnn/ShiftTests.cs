using Course.Cnn;
using Course.Native;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Cnn;

/// <summary>Shift augmentation: shape kept, content moved by whole pixels, shifts spread evenly, repeatable under a seed.</summary>
public sealed class ShiftTests
{
    public ShiftTests() => TorchNative.EnsureLoaded();

    /// <summary>Images with one bright pixel at (row, column) = (10 + b % 5, 12 + b % 3) and zeros elsewhere.</summary>
    private static Tensor Dots(int n)
    {
        var x = zeros(n, 1, 28, 28);
        for (int b = 0; b < n; b++) x[b, 0, 10 + b % 5, 12 + b % 3] = tensor(1f);
        return x;
    }

    private static (long Row, long Column) Dot(Tensor image)
    {
        long at = image.flatten().argmax().item<long>();
        return (at / 28, at % 28);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(2, 1)]
    [InlineData(-3, 2)]
    [InlineData(1, -2)]
    public void ByMovesTheContentDownAndRight(int dy, int dx)
    {
        var x = Dots(1);
        Assert.Equal((10L + dy, 12L + dx), Dot(Shift.By(x, dy, dx)));
    }

    [Fact]
    public void ByFillsTheUncoveredBorderWithZeros()
    {
        var shifted = Shift.By(ones(2, 3, 5, 6), 1, -2);
        Assert.Equal(new long[] { 2, 3, 5, 6 }, shifted.shape);
        Assert.Equal(0f, shifted[.., .., 0, ..].abs().sum().item<float>());                  // top row came from outside
        Assert.Equal(0f, shifted[.., .., .., 4..].abs().sum().item<float>());                 // two right columns too
        Assert.Equal(2 * 3 * 4 * 4f, shifted.sum().item<float>());
    }

    [Fact]
    public void RandomKeepsTheShapeAndMovesEachImageByAtMostMaxShift()
    {
        var x = Dots(200);
        var shifted = Shift.Random(x, 2, new torch.Generator(7));
        Assert.Equal(x.shape, shifted.shape);
        for (int b = 0; b < 200; b++)
        {
            var (row, column) = Dot(shifted[b]);
            Assert.InRange(row - (10 + b % 5), -2, 2);
            Assert.InRange(column - (12 + b % 3), -2, 2);
            Assert.Equal(1f, shifted[b].sum().item<float>());                                // the dot is moved, not lost
        }
    }

    [Fact]
    public void RandomDrawsEveryShiftAboutEquallyOften()
    {
        const int n = 5000;
        var x = zeros(n, 1, 28, 28);
        x[.., 0, 14, 14] = tensor(1f);
        var at = Shift.Random(x, 1, new torch.Generator(3)).reshape(n, -1).argmax(1);        // (n)
        var counts = new Dictionary<long, int>();
        foreach (var v in at.data<long>()) counts[v] = counts.GetValueOrDefault(v) + 1;
        Assert.Equal(9, counts.Count);                                                        // all (dy, dx) in {−1, 0, 1}²
        Assert.All(counts.Values, c => Assert.InRange(c, n / 9 * 0.8, n / 9 * 1.2));
    }

    [Fact]
    public void AugmentationIsRepeatableUnderItsSeed()
    {
        var x = rand(16, 1, 28, 28, generator: new torch.Generator(1));
        var a = Shift.Augmentation(2, seed: 5);
        var b = Shift.Augmentation(2, seed: 5);
        var first = a(x);
        Assert.True(first.allclose(b(x), 0, 0));
        Assert.False(a(x).allclose(first, 0, 0));                                                      // next batch, new shifts
    }

    [Fact]
    public void RandomWithZeroShiftLeavesTheImagesUnchanged()
    {
        var x = rand(4, 1, 8, 8);
        Assert.True(Shift.Random(x, 0).allclose(x, 0, 0));
    }

    [Fact]
    public void RandomRejectsAFlatBatchNamingItsShape()
    {
        var ex = Assert.Throws<ArgumentException>(() => Shift.Random(zeros(4, 784), 2));
        Assert.Contains("(4, 784)", ex.Message);
    }

    [Fact]
    public void ByRejectsAShiftAsLargeAsTheImage()
    {
        var ex = Assert.Throws<ArgumentException>(() => Shift.By(zeros(1, 1, 4, 4), 4, 0));
        Assert.Contains("4×4", ex.Message);
    }
}
