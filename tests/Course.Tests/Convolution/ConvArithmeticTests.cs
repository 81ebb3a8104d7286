using Course.Convolution;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Convolution;

/// <summary>The lecture's convolution arithmetic (seed 001), checked against its own numbers and against TorchSharp's conv2d and max_pool2d.</summary>
public sealed class ConvArithmeticTests
{
    [Theory]
    [InlineData(7, 3, 1, 0, 5)]       // lecture: stride 1 ⇒ (7 − 3)/1 + 1 = 5
    [InlineData(7, 3, 2, 0, 3)]       // lecture: stride 2 ⇒ 3
    [InlineData(7, 3, 1, 1, 7)]       // lecture: pad 1 ⇒ 7×7 output
    [InlineData(32, 5, 1, 2, 32)]     // lecture: 32×32×3, 5×5 filters, stride 1, pad 2 ⇒ 32
    [InlineData(227, 11, 4, 0, 55)]   // AlexNet CONV1
    [InlineData(27, 5, 1, 2, 27)]     // AlexNet CONV2
    [InlineData(13, 3, 1, 1, 13)]     // AlexNet CONV3–5
    [InlineData(224, 3, 1, 1, 224)]   // VGG16 conv3-64
    public void OutputSizeFollowsTheLectureFormula(int n, int f, int s, int p, int expected) =>
        Assert.Equal(expected, ConvArithmetic.OutputSize(n, f, s, p));

    [Fact]
    public void OutputSizeThrowsNamingTheFractionWhenStrideDoesNotFit()
    {
        var e = Assert.Throws<ArgumentException>(() => ConvArithmetic.OutputSize(7, 3, 3, 0));
        Assert.Contains("2.33", e.Message);
        foreach (var value in new[] { "N=7", "F=3", "S=3", "P=0" }) Assert.Contains(value, e.Message);
    }

    [Theory]
    [InlineData(-1, 3, 1, 0, "N=-1")]
    [InlineData(0, 3, 1, 0, "N=0")]
    [InlineData(7, 0, 1, 0, "F=0")]
    [InlineData(7, 3, 0, 0, "S=0")]
    [InlineData(7, 3, 1, -1, "P=-1")]
    [InlineData(3, 5, 1, 0, "F=5")]
    public void OutputSizeRejectsImpossibleSizesNamingThem(int n, int f, int s, int p, string named) =>
        Assert.Contains(named, Assert.Throws<ArgumentException>(() => ConvArithmetic.OutputSize(n, f, s, p)).Message);

    [Theory]
    [InlineData(3, 1)]
    [InlineData(5, 2)]
    [InlineData(7, 3)]
    public void SamePaddingIsHalfTheFilterMinusOne(int f, int expected) => Assert.Equal(expected, ConvArithmetic.SamePadding(f));

    [Theory]
    [InlineData(7, 3)]
    [InlineData(32, 5)]
    [InlineData(13, 7)]
    public void SamePaddingPreservesTheSizeAtStrideOne(int n, int f) =>
        Assert.Equal(n, ConvArithmetic.OutputSize(n, f, 1, ConvArithmetic.SamePadding(f)));

    [Fact]
    public void SamePaddingRejectsAnEvenFilter() =>
        Assert.Contains("F=4", Assert.Throws<ArgumentException>(() => ConvArithmetic.SamePadding(4)).Message);

    [Theory]
    [InlineData(5, 3, 10, 760)]         // lecture: 76 parameters per filter, × 10
    [InlineData(11, 3, 96, 34_944)]     // AlexNet CONV1
    [InlineData(3, 3, 64, 1_792)]       // VGG16 conv1_1 with biases
    public void ParametersCountOneBiasPerFilter(int f, int d1, int k, long expected) =>
        Assert.Equal(expected, ConvArithmetic.Parameters(f, d1, k));

    [Theory]
    [InlineData(3, 3, 64, 1_728)]       // lecture's VGG16 table
    [InlineData(3, 64, 64, 36_864)]
    [InlineData(3, 256, 512, 1_179_648)]
    [InlineData(3, 512, 512, 2_359_296)]
    public void WeightsAreFTimesFTimesD1TimesK(int f, int d1, int k, long expected) =>
        Assert.Equal(expected, ConvArithmetic.Weights(f, d1, k));

    [Theory]
    [InlineData(0, 3, 10, "F=0")]
    [InlineData(5, -3, 10, "D1=-3")]
    [InlineData(5, 3, 0, "K=0")]
    public void ParametersRejectNonPositiveSizesNamingThem(int f, int d1, int k, string named) =>
        Assert.Contains(named, Assert.Throws<ArgumentException>(() => ConvArithmetic.Parameters(f, d1, k)).Message);

    [Theory]
    [InlineData(4, 2, 2, 2)]        // lecture: 4×4 slice, 2×2 max pool stride 2 ⇒ 2×2
    [InlineData(55, 3, 2, 27)]      // AlexNet POOL1
    [InlineData(27, 3, 2, 13)]      // AlexNet POOL2
    [InlineData(13, 3, 2, 6)]       // AlexNet POOL3
    [InlineData(224, 2, 2, 112)]    // VGG16 pool1
    public void PoolOutputSizeIsNMinusFOverSPlusOne(int n, int f, int s, int expected) =>
        Assert.Equal(expected, ConvArithmetic.PoolOutputSize(n, f, s));

    [Fact]
    public void PoolOutputSizeThrowsOnAPartialWindowUnlessCeilMode()
    {
        Assert.Contains("3.50", Assert.Throws<ArgumentException>(() => ConvArithmetic.PoolOutputSize(7, 2, 2)).Message);
        Assert.Equal(4, ConvArithmetic.PoolOutputSize(7, 2, 2, ceilMode: true));
    }

    [Fact]
    public void OutputSizeAgreesWithTorchSharpConv2dWheneverItIsAnInteger()
    {
        int checkedCases = 0;
        for (int n = 1; n <= 9; n++)
        for (int f = 1; f <= 5; f++)
        for (int s = 1; s <= 3; s++)
        for (int p = 0; p <= 2; p++)
        {
            if (n - f + 2 * p < 0 || (n - f + 2 * p) % s != 0) continue;
            using var scope = NewDisposeScope();
            var output = nn.functional.conv2d(zeros(1, 1, n, n), zeros(1, 1, f, f), strides: [s, s], padding: [p, p]);
            Assert.Equal(output.shape[2], ConvArithmetic.OutputSize(n, f, s, p));
            checkedCases++;
        }
        Assert.True(checkedCases > 100);
    }

    [Fact]
    public void PoolOutputSizeAgreesWithTorchSharpMaxPool2d()
    {
        for (int n = 1; n <= 12; n++)
        for (int f = 1; f <= Math.Min(n, 4); f++)
        for (int s = 1; s <= 3; s++)
        {
            using var scope = NewDisposeScope();
            var input = zeros(1, 1, n, n);
            var ceil = nn.functional.max_pool2d(input, [f, f], [s, s], ceil_mode: true);
            Assert.Equal(ceil.shape[2], ConvArithmetic.PoolOutputSize(n, f, s, ceilMode: true));
            if ((n - f) % s == 0)
                Assert.Equal(nn.functional.max_pool2d(input, [f, f], [s, s]).shape[2], ConvArithmetic.PoolOutputSize(n, f, s));
        }
    }
}
