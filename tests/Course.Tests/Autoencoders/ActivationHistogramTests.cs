using System.Text.Json;
using Course.Autoencoders;
using Plotly.NET;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Autoencoders;

/// <summary>The mean-activation histogram, read back from its Plotly figure JSON.</summary>
public sealed class ActivationHistogramTests
{
    [Fact]
    public void OneOverlaidHistogramPerModelOnSharedBins()
    {
        var chart = ActivationHistogram.Create("ρ̂", 0.02, ("AE", tensor(new[] { 0.4f, 0.5f, 0.6f })), ("sparse AE", tensor(new[] { 0.05f, 0.04f })));
        var figure = JsonDocument.Parse(GenericChart.toJson(chart)).RootElement;
        var traces = figure.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(new[] { "AE", "sparse AE" }, traces.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(new[] { 0.05, 0.04 }, traces[1].GetProperty("x").EnumerateArray().Select(v => Math.Round(v.GetDouble(), 6)));
        Assert.All(traces, t => Assert.Equal(0.02, t.GetProperty("xbins").GetProperty("size").GetDouble()));
        Assert.Equal("overlay", figure.GetProperty("layout").GetProperty("barmode").GetString());
    }

    [Fact]
    public void AMatrixInsteadOfMeanActivationsThrowsNamingTheModel()
    {
        var ex = Assert.Throws<ArgumentException>(() => ActivationHistogram.Create("", 0.02, ("CAE", zeros(4, 3))));
        Assert.Contains("\"CAE\"", ex.Message);
        Assert.Contains("(4, 3)", ex.Message);
    }
}
