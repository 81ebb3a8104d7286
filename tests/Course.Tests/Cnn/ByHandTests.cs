using Course.Cnn;
using Course.Native;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Cnn;

/// <summary>The loop versions against the lecture's numbers and against TorchSharp's conv2d, max_pool2d and avg_pool2d.</summary>
public sealed class ByHandTests
{
    public ByHandTests() => TorchNative.EnsureLoaded();

    private static float[,] RandomMap(int h, int w, int seed)
    {
        var random = new Random(seed);
        var x = new float[h, w];
        for (int i = 0; i < h; i++)
            for (int j = 0; j < w; j++)
                x[i, j] = (float)(random.NextDouble() * 2 - 1);
        return x;
    }

    [Theory]
    [InlineData(9, 9, 3, 1, 0, 1)]
    [InlineData(7, 7, 3, 2, 0, 2)]
    [InlineData(7, 7, 3, 1, 1, 3)]
    [InlineData(12, 10, 5, 1, 2, 4)]
    [InlineData(28, 28, 5, 3, 2, 5)]
    [InlineData(8, 11, 2, 2, 0, 6)]
    public void Conv2dEqualsTorchConv2dOnRandomMaps(int h, int w, int k, int stride, int padding, int seed)
    {
        var x = RandomMap(h, w, seed);
        var kernel = RandomMap(k, k, seed + 100);
        var expected = nn.functional.conv2d(Grid.ToTensor(x), Grid.ToTensor(kernel), bias: tensor(new[] { 0.5f }),
                                            strides: [stride, stride], padding: [padding, padding]);
        Assert.True(Grid.MaxAbsDifference(ByHand.Conv2d(x, kernel, stride, padding, bias: 0.5f), Grid.ToArray(expected)) <= 1e-6);
    }

    [Theory]
    [InlineData(7, 7, 2, 2, true)]
    [InlineData(7, 7, 2, 2, false)]
    [InlineData(8, 8, 2, 2, false)]
    [InlineData(9, 6, 3, 2, true)]
    [InlineData(10, 10, 3, 3, true)]
    [InlineData(28, 28, 2, 2, false)]
    public void MaxPoolEqualsTorchMaxPool2d(int h, int w, int size, int stride, bool ceilMode)
    {
        var x = RandomMap(h, w, h * w + size);
        var expected = nn.functional.max_pool2d(Grid.ToTensor(x), [size, size], [stride, stride], ceil_mode: ceilMode);
        Assert.Equal(0.0, Grid.MaxAbsDifference(ByHand.MaxPool(x, size, stride, ceilMode), Grid.ToArray(expected)));
    }

    [Theory]
    [InlineData(8, 8, 2, 2, false)]
    [InlineData(7, 7, 2, 2, true)]
    [InlineData(28, 28, 2, 2, false)]
    [InlineData(10, 9, 3, 3, true)]
    public void AvgPoolEqualsTorchAvgPool2d(int h, int w, int size, int stride, bool ceilMode)
    {
        var x = RandomMap(h, w, h + w + size);
        var expected = nn.functional.avg_pool2d(Grid.ToTensor(x), [size, size], [stride, stride], ceil_mode: ceilMode);
        Assert.True(Grid.MaxAbsDifference(ByHand.AvgPool(x, size, stride, ceilMode), Grid.ToArray(expected)) <= 1e-6);
    }

    [Fact]
    public void ReluEqualsTorchRelu()
    {
        var x = RandomMap(9, 7, 42);
        Assert.Equal(0.0, Grid.MaxAbsDifference(ByHand.Relu(x), Grid.ToArray(nn.functional.relu(Grid.ToTensor(x)))));
    }

    [Fact]
    public void MaxPoolOfTheLectureExampleGivesSixEightThreeFour()
    {
        var x = new float[,] { { 1, 1, 2, 4 }, { 5, 6, 7, 8 }, { 3, 2, 1, 0 }, { 1, 2, 3, 4 } };
        Assert.Equal(new float[,] { { 6, 8 }, { 3, 4 } }, ByHand.MaxPool(x, 2, 2));
    }

    [Theory]
    [InlineData(7, 2, 2, false, 3)]
    [InlineData(7, 2, 2, true, 4)]
    [InlineData(8, 2, 2, true, 4)]
    [InlineData(28, 2, 2, false, 14)]
    [InlineData(55, 3, 2, false, 27)]
    [InlineData(27, 3, 2, false, 13)]
    [InlineData(13, 3, 2, false, 6)]
    [InlineData(5, 3, 3, true, 2)]
    public void PoolOutputSizeFollowsTheLectureFormula(int n, int size, int stride, bool ceilMode, int expected) =>
        Assert.Equal(expected, ByHand.PoolOutputSize(n, size, stride, ceilMode));

    [Fact]
    public void Conv2dNamesBothShapesWhenTheKernelDoesNotFit()
    {
        var ex = Assert.Throws<ArgumentException>(() => ByHand.Conv2d(new float[3, 4], new float[5, 5]));
        Assert.Contains("kernel 5×5", ex.Message);
        Assert.Contains("input 3×4", ex.Message);
    }

    [Fact]
    public void MaxPoolNamesTheShapesWhenTheWindowDoesNotFit()
    {
        var ex = Assert.Throws<ArgumentException>(() => ByHand.MaxPool(new float[2, 5], 3, 1));
        Assert.Contains("3×3", ex.Message);
        Assert.Contains("2×5", ex.Message);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, -1)]
    public void Conv2dRejectsABadStrideOrPaddingNamingTheValue(int stride, int padding)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => ByHand.Conv2d(new float[5, 5], new float[3, 3], stride, padding));
        Assert.Contains(stride < 1 ? $"got {stride}" : $"got {padding}", ex.Message);
    }

    [Fact]
    public void GridToArrayRejectsABatchNamingItsShape()
    {
        var ex = Assert.Throws<ArgumentException>(() => Grid.ToArray(zeros(2, 1, 3, 3)));
        Assert.Contains("(2, 1, 3, 3)", ex.Message);
    }

    [Fact]
    public void GridMaxAbsDifferenceNamesBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Grid.MaxAbsDifference(new float[7, 7], new float[4, 4]));
        Assert.Contains("7×7", ex.Message);
        Assert.Contains("4×4", ex.Message);
    }
}
