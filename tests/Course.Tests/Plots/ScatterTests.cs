using System.Text.Json;
using Course.Native;
using Course.Plots;
using Plotly.NET;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Plots;

/// <summary>Scatter plots of 2-D codes by group and overlaid histograms, read back from Plotly's JSON.</summary>
public sealed class ScatterTests
{
    public ScatterTests() => TorchNative.EnsureLoaded();

    [Fact]
    public void OneTracePerGroupInNumericOrderHoldingItsPoints()
    {
        var points = tensor(new float[] { 0, 0, 1, 1, 2, 2, 3, 3 }).reshape(4, 2);
        var groups = tensor(new long[] { 10, 2, 10, 2 });
        var traces = Figure(Scatter.Groups(points, groups, "codes", groupName: "digit")).GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(new[] { "digit 2", "digit 10" }, traces.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(new[] { 1.0, 3.0 }, traces[0].GetProperty("x").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(new[] { 0.0, 2.0 }, traces[1].GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal("markers", traces[0].GetProperty("mode").GetString());
    }

    [Fact]
    public void LargeSetsAreThinnedToMaxPointsAndTheTitleSaysSo()
    {
        var x = Enumerable.Range(0, 100).Select(i => (double)i).ToArray();
        var figure = Figure(Scatter.Points(x, x, x.Select(_ => "a").ToArray(), "many", maxPoints: 10));
        Assert.Equal(10, figure.GetProperty("data")[0].GetProperty("x").GetArrayLength());
        Assert.Contains("10 of 100 points", figure.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void PointsMustBeTwoDimensional()
    {
        var ex = Assert.Throws<ArgumentException>(() => Scatter.Groups(zeros(5, 3), zeros(5, ScalarType.Int64)));
        Assert.Contains("(5, 3)", ex.Message);
    }

    [Fact]
    public void HistogramsOverlayOnSharedBinsAsDensities()
    {
        var figure = Figure(Histogram.Overlay("errors", "error", 10, ("normal", [0.1, 0.2, 0.2]), ("anomaly", [0.5, 0.9])));
        var traces = figure.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(new[] { "normal", "anomaly" }, traces.Select(t => t.GetProperty("name").GetString()));
        Assert.All(traces, t => Assert.Equal("probability density", t.GetProperty("histnorm").GetString()));
        Assert.All(traces, t => Assert.Equal(0.1, t.GetProperty("xbins").GetProperty("start").GetDouble(), 9));
        Assert.Equal("overlay", figure.GetProperty("layout").GetProperty("barmode").GetString());
    }

    private static JsonElement Figure(GenericChart chart) => JsonDocument.Parse(GenericChart.toJson(chart)).RootElement;
}
