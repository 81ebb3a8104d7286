using Course.Notebooks.Benchmark;
using Course.Native;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Course.Notebooks.Tests.Benchmark;

/// <summary>The measurements run and return sensible numbers; their speed is judged by <c>course bench</c>, never here.</summary>
[Collection(nameof(ProcessWide))]   // measures the process's memory: not while other tests allocate
public sealed class MeasurementTests
{
    public MeasurementTests() => TorchNative.EnsureLoaded();

    [Theory]
    [InlineData(new[] { 3.0, 1.0, 2.0 }, 2.0)]
    [InlineData(new[] { 4.0, 1.0, 3.0, 2.0 }, 2.5)]
    [InlineData(new[] { 7.0 }, 7.0)]
    public void TheMedianIsTheMiddleValue(double[] values, double expected) => Assert.Equal(expected, Median.Of(values));

    [Fact]
    public void ResidentMemoryGrowsWhenMemoryIsTouched()
    {
        double before = ResidentMemory.Megabytes();
        var block = new byte[128 * 1024 * 1024];
        for (int i = 0; i < block.Length; i += 4096) block[i] = 1;                               // touch every page
        double after = ResidentMemory.Megabytes();
        GC.KeepAlive(block);
        Assert.True(after - before >= 100, $"RSS went {before:F0} → {after:F0} MB after touching 128 MB");
    }

    [Fact]
    public void MatmulPeakIsAPositiveRate() => Assert.InRange(MatmulPeak.Measure(64, warmup: 1, iterations: 2, rounds: 3), 1e-6, 1e6);

    [Fact]
    public void AutoencoderThroughputIsTheSampleRateTimesTheFlopCount()
    {
        using var generator = new torch.Generator(5);
        var X = torch.rand([300, 784], generator: generator);                                      // (N, 784)
        var result = AutoencoderThroughput.Measure(X, warmupEpochs: 0, epochs: 1);
        Assert.True(result.SamplesPerSecond > 0);
        Assert.Equal(result.SamplesPerSecond * 2_901_504 / 1e9, result.Gflops, 9);
    }

    [Fact]
    public void AutoencoderThroughputNeedsFlatDigits()
    {
        var e = Assert.Throws<ArgumentException>(() => AutoencoderThroughput.Measure(torch.zeros(10, 1, 28, 28), 0, 1));
        Assert.Contains("(10, 1, 28, 28)", e.Message);
    }

    [Fact]
    public void LeNetThroughputIsAPositiveSampleRate()
    {
        using var generator = new torch.Generator(7);
        var digits = new Course.Data.MnistData(torch.rand([128, 1, 28, 28], generator: generator), torch.randint(0, 10, [128], generator: generator));
        Assert.True(LeNetThroughput.Measure(digits, warmupEpochs: 0, epochs: 1) > 0);
    }

    [Fact]
    public void TrainingMemoryReturnsAFiniteGrowth()
    {
        using var generator = new torch.Generator(6);
        var X = torch.rand([256, 784], generator: generator);                                      // (N, 784)
        var epochsSeen = new List<int>();
        double growth = TrainingMemory.Measure(X, epochs: 2, warmupEpochs: 1, onEpoch: epochsSeen.Add);
        Assert.True(double.IsFinite(growth));
        Assert.Equal([1, 2, 3], epochsSeen);
    }
}
