using Course.Cnn;
using Course.Native;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Cnn;

/// <summary>The lecture's X/O tables (seed 000) recomputed by the loops and by TorchSharp.</summary>
public sealed class XoExampleTests
{
    public XoExampleTests() => TorchNative.EnsureLoaded();

    [Theory]
    [InlineData(0, 0, 7 / 9.0)]
    [InlineData(0, 1, -1 / 9.0)]
    [InlineData(0, 4, 5 / 9.0)]
    [InlineData(1, 1, 1.0)]
    [InlineData(2, 3, -3 / 9.0)]
    [InlineData(3, 3, 5 / 9.0)]
    [InlineData(6, 6, 7 / 9.0)]
    public void FeatureMapOfTheXHasTheLectureValues(int row, int column, double expected) =>
        Assert.Equal(expected, ByHand.FeatureMap(XoExample.XImage(), XoExample.DiagonalFilter())[row, column], 6);

    [Fact]
    public void FeatureMapCutToTwoDecimalsIsTheLectureTable() =>
        Assert.InRange(Grid.MaxAbsDifference(Grid.Truncate(ByHand.FeatureMap(XoExample.XImage(), XoExample.DiagonalFilter())), XoExample.LectureFeatureMap()), 0, 1e-6);

    [Fact]
    public void FeatureMapDiffersFromTheTableOnlyByTheCutDigits() =>
        Assert.Equal(7 / 9.0 - 0.77, Grid.MaxAbsDifference(ByHand.FeatureMap(XoExample.XImage(), XoExample.DiagonalFilter()), XoExample.LectureFeatureMap()), 5);

    [Fact]
    public void PooledMapMatchesTheLectureTableToItsTwoDecimals()
    {
        var pooled = ByHand.MaxPool(ByHand.Relu(ByHand.FeatureMap(XoExample.XImage(), XoExample.DiagonalFilter())), 2, 2, ceilMode: true);
        Assert.Equal(4, pooled.GetLength(0));
        Assert.InRange(Grid.MaxAbsDifference(Grid.Truncate(pooled), XoExample.LecturePooledMap()), 0, 1e-6);
    }

    [Fact]
    public void TorchGivesTheSameMapsAsTheLoops()
    {
        var image = Grid.ToTensor(XoExample.XImage());                                   // (1, 1, 9, 9)
        var filter = Grid.ToTensor(XoExample.DiagonalFilter()) / 9;                       // (1, 1, 3, 3)
        var map = nn.functional.conv2d(image, filter);                                     // (1, 1, 7, 7)
        var pooled = nn.functional.max_pool2d(nn.functional.relu(map), [2, 2], [2, 2], ceil_mode: true);
        var loops = ByHand.FeatureMap(XoExample.XImage(), XoExample.DiagonalFilter());
        Assert.True(Grid.MaxAbsDifference(Grid.ToArray(map), loops) <= 1e-6);
        Assert.True(Grid.MaxAbsDifference(Grid.ToArray(pooled), ByHand.MaxPool(ByHand.Relu(loops), 2, 2, true)) <= 1e-6);
    }

    [Fact]
    public void XImageHasThirteenOnPixelsOnTwoDiagonals()
    {
        var x = XoExample.XImage();
        Assert.Equal(13, x.Cast<float>().Count(v => v == 1f));
        Assert.Equal(68, x.Cast<float>().Count(v => v == -1f));
        Assert.Equal(1f, x[1, 7]);
        Assert.Equal(1f, x[7, 1]);
        Assert.Equal(-1f, x[0, 0]);
    }

    [Fact]
    public void CrossFilterMatchesTheXPerfectlyButTheOOnlyHalfway()
    {
        float Peak(float[,] image) => ByHand.FeatureMap(image, XoExample.CrossFilter()).Cast<float>().Max();
        Assert.Equal(1f, Peak(XoExample.XImage()), 6);
        Assert.Equal(5 / 9f, Peak(XoExample.OImage()), 6);
    }

    [Theory]
    [InlineData(0.7777778f, 0.77f)]
    [InlineData(-0.1111111f, -0.11f)]
    [InlineData(0.99999994f, 1.00f)]
    [InlineData(0.5555556f, 0.55f)]
    public void TruncateCutsDigitsLikeTheSlides(float value, float printed) =>
        Assert.Equal(printed, Grid.Truncate(new[,] { { value } })[0, 0], 6);
}
