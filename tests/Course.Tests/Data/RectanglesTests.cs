using Course.Data;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Data;

/// <summary>The rect task: outlines in {0, 1}, labelled tall exactly when they are taller than wide.</summary>
public sealed class RectanglesTests
{
    [Fact]
    public void LabelIsTallExactlyWhenTheOutlineHasMoreRowsThanColumns()
    {
        var data = Rectangles.Generate(500, new Random(1));
        var ink = data.Images.squeeze(1) > 0;                                                       // (N, 28, 28)
        var height = ink.any(2).sum(1);                                                             // rows with ink
        var width = ink.any(1).sum(1);                                                              // columns with ink
        Assert.True((height != width).all().item<bool>(), "no squares");
        Assert.True(((height > width).to_type(ScalarType.Int64) == data.Labels).all().item<bool>());
        Assert.InRange(data.Labels.to_type(ScalarType.Float32).mean().item<float>(), 0.4, 0.6);     // both classes, about half each
    }

    [Fact]
    public void ImagesAreOnePixelOutlinesOfOnesOnZeros()
    {
        var data = Rectangles.Generate(200, new Random(2));
        Assert.Equal([200L, 1, 28, 28], data.Images.shape);
        Assert.True(((data.Images == 0).logical_or(data.Images == 1)).all().item<bool>());
        var ink = data.Images.squeeze(1) > 0;
        var perimeter = 2 * (ink.any(2).sum(1) + ink.any(1).sum(1)) - 4;                           // pixels on the border of an h × w box
        Assert.True((ink.sum([1, 2]) == perimeter).all().item<bool>(), "only the border is drawn");
    }

    [Fact]
    public void TheSameSeedGivesTheSameRectangles()
    {
        var a = Rectangles.Generate(20, new Random(3));
        var b = Rectangles.Generate(20, new Random(3));
        Assert.True(a.Images.allclose(b.Images, 0, 0));
        Assert.True(a.Labels.allclose(b.Labels, 0, 0));
    }

    [Fact]
    public void GenerateRefusesZeroImages()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Rectangles.Generate(0, new Random(4)));
        Assert.Contains("count", error.Message);
    }
}
