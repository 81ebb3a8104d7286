using Course.Convolution;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Convolution;

/// <summary>Receptive fields of stacked layers (seed 001), checked by hand and by back-propagating from one output pixel.</summary>
public sealed class ReceptiveFieldTests
{
    [Fact]
    public void OneThreeByThreeConvolutionSeesThreePixels() => Assert.Equal(3, ReceptiveField.Of((3, 1)));

    [Fact]
    public void ThreeStackedThreeByThreeConvolutionsSeeSeven() => Assert.Equal(7, ReceptiveField.Of((3, 1), (3, 1), (3, 1)));

    [Fact]
    public void StridesMultiplyTheGrowthOfLaterLayers() => Assert.Equal(19, ReceptiveField.Of((11, 4), (3, 2)));  // AlexNet CONV1, POOL1

    [Fact]
    public void NoLayersSeeOnePixel() => Assert.Equal(1, ReceptiveField.Of());

    [Fact]
    public void NonPositiveStrideIsRejected() => Assert.Contains("S=0", Assert.Throws<ArgumentException>(() => ReceptiveField.Of((3, 0))).Message);

    [Theory]
    [InlineData(new[] { 3, 3, 3 }, new[] { 1, 1, 1 })]
    [InlineData(new[] { 3, 2, 3 }, new[] { 1, 2, 1 })]
    [InlineData(new[] { 5, 3, 3 }, new[] { 2, 2, 1 })]
    public void MatchesThePixelsThatGetAGradientFromOneOutput(int[] sizes, int[] strides)
    {
        using var scope = NewDisposeScope();
        var x = zeros(1, 1, 64, 64, requires_grad: true);
        var h = x;
        for (int l = 0; l < sizes.Length; l++)
            h = nn.functional.conv2d(h, ones(1, 1, sizes[l], sizes[l]), strides: [strides[l], strides[l]]);
        h[0, 0, 2, 2].backward();
        var touched = (x.grad!.abs() > 0).any(0).any(0);          // (64, 64): which input pixels reach the output
        var rows = touched.any(1).sum().item<long>();
        var expected = ReceptiveField.Of(sizes.Zip(strides, (f, s) => (f, s)).ToArray());
        Assert.Equal(expected, rows);
    }
}
