using Course.Notebooks.Benchmark;
using Course.Native;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Course.Notebooks.Tests.Benchmark;

/// <summary>The operation counts behind <c>course bench</c>'s GFLOP/s figures, against counts done by hand.</summary>
[Collection(nameof(ProcessWide))]   // builds modules, which draw from torch's global generator: not while a notebook runs
public sealed class FlopCountTests
{
    public FlopCountTests() => TorchNative.EnsureLoaded();

    [Fact]
    public void TheLectureAutoencoderTrainsWithTwoPointNineMegaflopsPerSample()
    {
        // Encoder 784·256 + 256·128 + 128·64 + 64·2 = 200,704 + 32,768 + 8,192 + 128 = 241,792; the decoder mirrors it.
        // Forward 2 operations per weight, backward twice the forward: 3 · 2 · 483,584 = 2,901,504.
        using var net = AutoencoderThroughput.Network();
        Assert.Equal(2_901_504, FlopCount.LinearTrainingPerSample(net));
    }

    [Fact]
    public void TheLectureAutoencoderHasTheLecturesLayersInOrder()
    {
        using var net = AutoencoderThroughput.Network();
        (long, long)[] lecture = [(784, 256), (256, 128), (128, 64), (64, 2), (2, 64), (64, 128), (128, 256), (256, 784)];
        Assert.Equal(lecture, FlopCount.LinearLayers(net));
    }

    [Theory]
    [InlineData(new long[] { 3, 4 }, 72)]                 // 6 · 12
    [InlineData(new long[] { 784, 10 }, 47_040)]          // 6 · 7,840: softmax regression on MNIST
    [InlineData(new long[] { 784, 256, 10 }, 1_219_584)]  // 6 · (200,704 + 2,560): notebook 00-setup's MLP
    public void TrainingCostsSixOperationsPerWeight(long[] widths, double expected)
    {
        var layers = widths.Zip(widths.Skip(1));
        Assert.Equal(expected, FlopCount.LinearTrainingPerSample(layers));
    }

    [Fact]
    public void CountingAModuleAgreesWithCountingItsSizes()
    {
        using var net = nn.Sequential(nn.Linear(5, 7), nn.ReLU(), nn.Sequential(nn.Linear(7, 3), nn.Linear(3, 2)));
        Assert.Equal(FlopCount.LinearTrainingPerSample([(5L, 7L), (7L, 3L), (3L, 2L)]), FlopCount.LinearTrainingPerSample(net));
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 16)]
    [InlineData(1024, 2_147_483_648)]
    public void AMatrixProductOfSizeNCostsTwoNCubed(int n, double expected) => Assert.Equal(expected, FlopCount.Matmul(n));

    [Fact]
    public void ANetWithoutLinearLayersHasNothingToCount()
    {
        using var net = nn.Sequential(nn.ReLU());
        var e = Assert.Throws<ArgumentException>(() => FlopCount.LinearTrainingPerSample(net));
        Assert.Contains("no Linear layer", e.Message);
    }

    [Fact]
    public void AZeroSizedLayerIsRejectedWithItsSizes()
    {
        var e = Assert.Throws<ArgumentException>(() => FlopCount.LinearTrainingPerSample([(4L, 0L)]));
        Assert.Contains("in=4, out=0", e.Message);
    }
}
