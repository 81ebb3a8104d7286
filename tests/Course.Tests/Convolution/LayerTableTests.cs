using Course.Convolution;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Convolution;

/// <summary>The lecture's AlexNet and VGG16 tables (seed 001), against its numbers and against the same networks built in TorchSharp.</summary>
public sealed class LayerTableTests
{
    [Fact]
    public void AlexNetOutputsAreTheLecturesVolumes()
    {
        var shapes = Architectures.AlexNet().Where(r => r.Layer is not NormLayer).Select(r => r.Output.ToString());
        Assert.Equal(["55×55×96", "27×27×96", "27×27×256", "13×13×256", "13×13×384", "13×13×384", "13×13×256", "6×6×256", "4096", "4096", "1000"], shapes);
    }

    [Fact]
    public void NormLayersKeepTheVolume() =>
        Assert.All(Architectures.AlexNet().Where(r => r.Layer is NormLayer), r => Assert.Equal(r.Input, r.Output));

    [Fact]
    public void Vgg16WeightsAreEveryRowOfTheLecturesTable()
    {
        long[] lecture = [1_728, 36_864, 0, 73_728, 147_456, 0, 294_912, 589_824, 589_824, 0,
                          1_179_648, 2_359_296, 2_359_296, 0, 2_359_296, 2_359_296, 2_359_296, 0,
                          102_760_448, 16_777_216, 4_096_000];
        Assert.Equal(lecture, Architectures.Vgg16().Select(r => r.Weights));
    }

    [Fact]
    public void Vgg16OutputsAndActivationsFollowTheLecture()
    {
        var vgg = Architectures.Vgg16();
        Assert.Equal(["224×224×64", "224×224×64", "112×112×64", "112×112×128", "112×112×128", "56×56×128",
                      "56×56×256", "56×56×256", "56×56×256", "28×28×256", "28×28×512", "28×28×512", "28×28×512", "14×14×512",
                      "14×14×512", "14×14×512", "14×14×512", "7×7×512", "4096", "4096", "1000"], vgg.Select(r => r.Output.ToString()));
        Assert.Equal(224L * 224 * 64, vgg[0].Activations);
        Assert.Equal(7L * 7 * 512, vgg[17].Activations);
    }

    [Fact]
    public void Vgg16HasTheWellKnownParameterCount()
    {
        var vgg = Architectures.Vgg16();
        Assert.Equal(138_357_544, vgg.TotalParameters);
        Assert.Equal(138_344_128, vgg.TotalWeights);
    }

    [Fact]
    public void AlexNetParametersAddUpLayerByLayer() =>
        Assert.Equal(34_944 + 614_656 + 885_120 + 1_327_488 + 884_992 + 37_752_832 + 16_781_312 + 4_097_000,
                     Architectures.AlexNet().TotalParameters);

    [Fact]
    public void AlexNetTableMatchesTheSameNetworkBuiltInTorchSharp()
    {
        var alexNet = Architectures.AlexNet();
        using var net = alexNet.ToModule(META);
        Assert.Equal(alexNet.TotalParameters, LayerTable.CountParameters(net));
    }

    [Fact]
    public void Vgg16TableMatchesTheSameNetworkBuiltInTorchSharp()
    {
        var vgg = Architectures.Vgg16();
        using var net = vgg.ToModule(META);
        Assert.Equal(vgg.TotalParameters, LayerTable.CountParameters(net));
    }

    [Fact]
    public void ASmallTableMatchesTheShapesTorchSharpComputesOnARealImage()
    {
        var table = LayerTable.Build("small", new Volume(32, 32, 3),
            new ConvLayer("conv1", 3, 10, 5, Stride: 1, Padding: 2), new PoolLayer("pool1", 2, 2),
            new ConvLayer("conv2", 10, 16, 4, Stride: 2, Padding: 1), new FullyConnectedLayer("fc", 8 * 8 * 16, 10));
        using var scope = NewDisposeScope();
        using var net = table.ToModule();
        var x = randn(2, 3, 32, 32);                                // (B, C, H, W)
        for (int i = 0; i < table.Count; i++)
        {
            x = ((TorchSharp.Modules.Sequential)net).named_children().Where(c => c.name == table[i].Layer.Name)
                    .Select(c => (nn.Module<Tensor, Tensor>)c.module).Single().forward(x);
            var expected = table[i].Output.IsVector ? new long[] { 2, table[i].Output.Depth }
                                                    : [2, table[i].Output.Depth, table[i].Output.Height, table[i].Output.Width];
            Assert.Equal(expected, x.shape);
        }
        Assert.Equal(760, table[0].Parameters);
    }

    [Fact]
    public void MismatchedChannelsAreAnErrorNamingBothDepths()
    {
        var e = Assert.Throws<ArgumentException>(() => LayerTable.Build("bad", new Volume(32, 32, 3), new ConvLayer("conv1", 64, 10, 3)));
        Assert.Contains("conv1", e.Message);
        Assert.Contains("64", e.Message);
        Assert.Contains("32×32×3", e.Message);
    }

    [Fact]
    public void MismatchedFeaturesAreAnErrorNamingBothCounts()
    {
        var e = Assert.Throws<ArgumentException>(() => LayerTable.Build("bad", new Volume(6, 6, 256), new FullyConnectedLayer("FC6", 4096, 10)));
        Assert.Contains("4096", e.Message);
        Assert.Contains("9216", e.Message);
    }

    [Fact]
    public void AStrideThatDoesNotFitNamesTheLayerAndTheFraction()
    {
        var e = Assert.Throws<ArgumentException>(() => LayerTable.Build("bad", new Volume(7, 7, 1), new ConvLayer("conv1", 1, 4, 3, Stride: 3)));
        Assert.Contains("conv1", e.Message);
        Assert.Contains("2.33", e.Message);
        Assert.DoesNotContain("Parameter", e.Message);
    }

    [Theory]
    [InlineData(-1, 10, 3, "InChannels = -1")]
    [InlineData(3, 0, 3, "Filters = 0")]
    [InlineData(3, 10, -5, "KernelSize = -5")]
    public void NegativeLayerSizesAreAnErrorNamingThem(int inChannels, int filters, int kernelSize, string named) =>
        Assert.Contains(named, Assert.Throws<ArgumentException>(
            () => LayerTable.Build("bad", new Volume(32, 32, 3), new ConvLayer("conv1", inChannels, filters, kernelSize))).Message);

    [Fact]
    public void NegativeInputSizesAreAnError() =>
        Assert.Contains("-32", Assert.Throws<ArgumentException>(() => LayerTable.Build("bad", new Volume(-32, 32, 3))).Message);

    [Fact]
    public void TextTableShowsEveryLayerAndTheTotal()
    {
        var text = Architectures.Vgg16().ToString();
        Assert.Contains("fc6", text);
        Assert.Contains("102,760,448", text);
        Assert.Contains("138,357,544", text);
    }
}
