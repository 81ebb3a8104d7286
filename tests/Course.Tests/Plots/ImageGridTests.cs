using Course.Native;
using Course.Plots;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Plots;

/// <summary>Image grids: accepted shapes, value scaling, layout of the PNG, captions.</summary>
public sealed class ImageGridTests
{
    public ImageGridTests() => TorchNative.EnsureLoaded();

    [Theory]
    [InlineData(new long[] { 5, 1, 28, 28 }, 5, 28, 28)]
    [InlineData(new long[] { 5, 28, 28 }, 5, 28, 28)]
    [InlineData(new long[] { 5, 784 }, 5, 28, 28)]
    [InlineData(new long[] { 3, 4, 6 }, 3, 4, 6)]
    public void AcceptedShapesGiveCountAndImageSize(long[] shape, int count, int height, int width)
    {
        var grid = new ImageGrid(torch.zeros(shape));
        Assert.Equal((count, height, width), (grid.Count, grid.ImageHeight, grid.ImageWidth));
    }

    [Theory]
    [InlineData(new long[] { 5, 3, 28, 28 })]
    [InlineData(new long[] { 5, 10 })]
    [InlineData(new long[] { 28, 28, 1, 1, 1 })]
    public void OtherShapesThrowNamingTheShape(long[] shape)
    {
        var ex = Assert.Throws<ArgumentException>(() => new ImageGrid(torch.zeros(shape)));
        Assert.Contains("(" + string.Join(", ", shape) + ")", ex.Message);
    }

    [Fact]
    public void PngPlacesScaledImagesInRowsWithGrayGaps()
    {
        // Two 1×2 images: [0, 1] and [1, 0.5]; scale 2, one column → a 2-row grid.
        var grid = new ImageGrid(torch.tensor(new float[] { 0, 1, 1, 0.5f }).reshape(2, 1, 2), columns: 1, scale: 2);
        var png = PngReader.Read(grid.ToPng());

        Assert.Equal((grid.PixelWidth, grid.PixelHeight), (png.Width, png.Height));
        Assert.Equal((2 * 2 + 2 * 2, 2 * (1 * 2) + 3 * 2), (png.Width, png.Height));         // gaps of 2 pixels
        byte At(int row, int col) => png.Pixels[row * png.Width + col];
        Assert.Equal(128, At(0, 0));                                                           // gap
        Assert.Equal(new byte[] { 0, 0, 255, 255 }, Enumerable.Range(2, 4).Select(c => At(2, c)).ToArray());
        Assert.Equal(new byte[] { 0, 0, 255, 255 }, Enumerable.Range(2, 4).Select(c => At(3, c)).ToArray());
        Assert.Equal(128, At(4, 2));                                                           // gap between rows
        Assert.Equal(new byte[] { 255, 255, 128, 128 }, Enumerable.Range(2, 4).Select(c => At(6, c)).ToArray());
    }

    [Fact]
    public void ValuesOutsideZeroToOneAreRescaledFromMinimumToMaximum()
    {
        var grid = new ImageGrid(torch.tensor(new float[] { -2, 0, 2, 6 }).reshape(1, 2, 2));
        Assert.Equal(new byte[] { 0, 64, 128, 255 }, new[] { grid.Pixel(0, 0, 0), grid.Pixel(0, 0, 1), grid.Pixel(0, 1, 0), grid.Pixel(0, 1, 1) });
    }

    [Fact]
    public void NormalizeEachRescalesEveryImageOnItsOwn()
    {
        var grid = new ImageGrid(torch.tensor(new float[] { 0, 10, 100, 200 }).reshape(2, 1, 2), normalizeEach: true);
        Assert.Equal(new byte[] { 0, 255, 0, 255 }, new[] { grid.Pixel(0, 0, 0), grid.Pixel(0, 0, 1), grid.Pixel(1, 0, 0), grid.Pixel(1, 0, 1) });
    }

    [Fact]
    public void CaptionsAppearEscapedUnderEachImageInHtml()
    {
        var grid = new ImageGrid(torch.zeros(2, 4, 4), captions: ["7", "<1>"]);
        var html = grid.ToHtml();
        Assert.Contains("<figcaption>7</figcaption>", html);
        Assert.Contains("<figcaption>&lt;1&gt;</figcaption>", html);
        Assert.Equal(2, html.Split("data:image/png;base64,").Length - 1);
    }

    [Fact]
    public void CaptionCountMustMatchImages()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ImageGrid(torch.zeros(3, 4, 4), captions: ["a"]));
        Assert.Contains("1 captions for 3 images", ex.Message);
    }
}
