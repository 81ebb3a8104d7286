using Course.Cnn;
using Course.Native;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Cnn;

/// <summary>The plain and residual networks have the same layers and differ only in the shortcuts (seed 001, "ResNet"; He et al. 2016, Section 4.2).</summary>
[Collection(nameof(Course.Tests.Training.MemoryTests))]   // seeds the global generator: run apart from tests that draw from it
public sealed class DeepCnnTests
{
    public DeepCnnTests() => TorchNative.EnsureLoaded();

    [Theory]
    [InlineData(9, 20)]
    [InlineData(3, 8)]
    [InlineData(0, 2)]
    public void DepthCountsTheWeightLayers(int blocks, int depth)
    {
        var net = new DeepCnn(new DeepCnnConfig(Blocks: blocks, Width: 4));
        Assert.Equal(depth, net.Config.Depth);
        Assert.Equal(depth, net.modules().Count(m => m is TorchSharp.Modules.Conv2d or TorchSharp.Modules.Linear));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void OutputIsTenLogitsPerDigit(bool shortcuts)
    {
        var net = new DeepCnn(new DeepCnnConfig(Blocks: 2, Width: 4, Shortcuts: shortcuts));
        net.eval();
        Assert.Equal(new long[] { 3, 10 }, net.call(rand(3, 1, 28, 28)).shape);
    }

    [Fact]
    public void PlainAndResidualStartFromTheSameWeightsUnderTheSameSeed()
    {
        var config = new DeepCnnConfig(Blocks: 3, Width: 4);
        manual_seed(7);
        var plain = new DeepCnn(config.WithShortcuts(false));
        manual_seed(7);
        var residual = new DeepCnn(config);
        var pairs = plain.named_parameters().Zip(residual.named_parameters()).ToList();
        Assert.Equal(plain.parameters().Count(), pairs.Count);
        Assert.All(pairs, p => Assert.Equal(p.First.name, p.Second.name));
        Assert.All(pairs, p => Assert.True(p.First.parameter.allclose(p.Second.parameter, 0, 0), p.First.name));
    }

    [Fact]
    public void WithTheSameWeightsOnlyTheShortcutsChangeTheOutput()
    {
        var config = new DeepCnnConfig(Blocks: 2, Width: 4);
        manual_seed(3);
        var plain = new DeepCnn(config.WithShortcuts(false));
        manual_seed(3);
        var residual = new DeepCnn(config);
        plain.eval();
        residual.eval();
        var x = rand(2, 1, 28, 28);
        Assert.False(plain.call(x).allclose(residual.call(x), 1e-4, 1e-4));
    }

    [Fact]
    public void NamesItsKindAndDepth()
    {
        Assert.Equal("residual, 20 layers", new DeepCnnConfig().ToString());
        Assert.Equal("plain, 20 layers", new DeepCnnConfig().WithShortcuts(false).ToString());
    }

    [Fact]
    public void AFlatBatchIsRejectedNamingItsShape()
    {
        var ex = Assert.Throws<ArgumentException>(() => new DeepCnn(new DeepCnnConfig(Blocks: 1, Width: 2)).call(zeros(4, 784)));
        Assert.Contains("(4, 784)", ex.Message);
    }

    [Fact]
    public void ANonPositiveWidthIsRejected() =>
        Assert.ThrowsAny<ArgumentException>(() => new DeepCnn(new DeepCnnConfig(Width: 0)));
}
