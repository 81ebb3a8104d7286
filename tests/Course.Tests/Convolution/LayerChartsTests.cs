using System.Text.Json;
using Course.Convolution;
using Plotly.NET;
using Xunit;

namespace Course.Tests.Convolution;

/// <summary>The per-layer bar chart and the volume notation of the lecture's tables.</summary>
public sealed class LayerChartsTests
{
    [Fact]
    public void ChartHasParametersAndActivationsPerLayerOnALogAxis()
    {
        var alexNet = Architectures.AlexNet();
        using var figure = JsonDocument.Parse(GenericChart.toJson(LayerCharts.ParametersAndActivations(alexNet)));
        var traces = figure.RootElement.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(2, traces.Count);
        Assert.Equal(alexNet.Select(r => r.Layer.Name), traces[0].GetProperty("x").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(34_944, traces[0].GetProperty("y")[0].GetDouble());
        Assert.Equal(55 * 55 * 96, traces[1].GetProperty("y")[0].GetDouble());
        Assert.Equal("log", figure.RootElement.GetProperty("layout").GetProperty("yaxis").GetProperty("type").GetString());
    }

    [Theory]
    [InlineData(55, 55, 96, "55×55×96")]
    [InlineData(1, 1, 4096, "4096")]
    [InlineData(7, 7, 512, "7×7×512")]
    public void VolumesAreWrittenAsTheLectureWritesThem(int width, int height, int depth, string expected) =>
        Assert.Equal(expected, new Volume(width, height, depth).ToString());

    [Fact]
    public void CountingOnTheMetaDeviceEqualsCountingRealWeights()
    {
        var table = LayerTable.Build("small", new Volume(32, 32, 3),
            new ConvLayer("conv1", 3, 10, 5, Stride: 1, Padding: 2), new PoolLayer("pool1", 2, 2), new NormLayer("norm1"),
            new FullyConnectedLayer("fc", 16 * 16 * 10, 10));
        using var onMeta = table.ToModule(TorchSharp.torch.META);
        using var onCpu = table.ToModule(TorchSharp.torch.CPU);
        Assert.Equal(LayerTable.CountParameters(onCpu), LayerTable.CountParameters(onMeta));
        Assert.Equal(760 + 2560 * 10 + 10, LayerTable.CountParameters(onCpu));
    }
}
