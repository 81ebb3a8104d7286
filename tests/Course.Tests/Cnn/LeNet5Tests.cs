using Course.Cnn;
using Course.Native;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Cnn;

/// <summary>LeNet-5's shapes and parameter count against a hand count (seed 001, "LeNet-5").</summary>
public sealed class LeNet5Tests
{
    public LeNet5Tests() => TorchNative.EnsureLoaded();

    public static TheoryData<LeNetConfig> Configs => [LeNetConfig.Classic, LeNetConfig.Modern, new LeNetConfig(Relu: true), new LeNetConfig(MaxPool: true, Dropout: 0.5)];

    [Fact]
    public void HandCountIsSixtyOneThousandSevenHundredSix() =>
        Assert.Equal(156 + 2_416 + 48_120 + 10_164 + 850, LeNet5.ParameterCount);

    [Theory]
    [MemberData(nameof(Configs))]
    public void ParameterCountEqualsTheHandCountWhateverTheTricks(LeNetConfig config) =>
        Assert.Equal(61_706, new LeNet5(config).parameters().Sum(p => p.numel()));

    [Theory]
    [MemberData(nameof(Configs))]
    public void OutputIsTenLogitsPerDigit(LeNetConfig config)
    {
        var net = new LeNet5(config);
        net.eval();
        Assert.Equal(new long[] { 3, 10 }, net.call(rand(3, 1, 28, 28)).shape);
    }

    [Theory]
    [InlineData("conv1", new long[] { 2, 6, 28, 28 })]
    [InlineData("pool1", new long[] { 2, 6, 14, 14 })]
    [InlineData("conv2", new long[] { 2, 16, 10, 10 })]
    [InlineData("pool2", new long[] { 2, 16, 5, 5 })]
    [InlineData("flatten", new long[] { 2, 400 })]
    [InlineData("fc1", new long[] { 2, 120 })]
    [InlineData("fc2", new long[] { 2, 84 })]
    [InlineData("fc3", new long[] { 2, 10 })]
    public void TraceGivesTheLectureShapes(string layer, long[] shape) =>
        Assert.Equal(shape, new LeNet5().Trace(rand(2, 1, 28, 28)).Single(t => t.Name == layer).Output.shape);

    [Fact]
    public void FirstLayerFiltersAreSixFiveByFive() =>
        Assert.Equal(new long[] { 6, 1, 5, 5 }, new LeNet5().FirstLayerFilters.shape);

    [Fact]
    public void ClassicUsesTanhAndAveragePooling()
    {
        var net = new LeNet5();
        var x = rand(1, 1, 28, 28);
        var conv1 = net.Trace(x).Single(t => t.Name == "conv1").Output;
        var expected = nn.functional.avg_pool2d(conv1.tanh(), [2, 2], [2, 2]);
        Assert.True(expected.allclose(net.Trace(x).Single(t => t.Name == "pool1").Output, 1e-5, 1e-6));
    }

    [Fact]
    public void ModernUsesReluAndMaxPooling()
    {
        var net = new LeNet5(LeNetConfig.Modern);
        var x = rand(1, 1, 28, 28);
        var conv1 = net.Trace(x).Single(t => t.Name == "conv1").Output;
        var expected = nn.functional.max_pool2d(conv1.relu(), [2, 2], [2, 2]);
        Assert.True(expected.allclose(net.Trace(x).Single(t => t.Name == "pool1").Output, 1e-5, 1e-6));
    }

    [Fact]
    public void ForwardRejectsAFlatBatchNamingItsShape()
    {
        var ex = Assert.Throws<ArgumentException>(() => new LeNet5().call(zeros(4, 784)));
        Assert.Contains("(4, 784)", ex.Message);
    }

    [Fact]
    public void DropoutOutsideZeroToOneIsRejected() =>
        Assert.ThrowsAny<ArgumentException>(() => new LeNet5(new LeNetConfig(Dropout: 1.0)));
}
