using System.Text.Json;
using Course.Plots;
using Course.Training;
using Plotly.NET;
using Xunit;

namespace Course.Tests.Plots;

/// <summary>Curves and heatmaps, read back from the figure JSON that Plotly.NET writes.</summary>
public sealed class ChartTests
{
    [Fact]
    public void LossChartHasTrainAndTestLossAndTheMetricOnARightAxis()
    {
        var history = new History("accuracy");
        history.Add(new EpochStats(1, 0.9, 0.8, 0.70, 1, 100));
        history.Add(new EpochStats(2, 0.5, 0.6, 0.85, 1, 100));

        var figure = Figure(history.ToChart());

        var traces = figure.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(new[] { "train loss", "test loss", "test accuracy" }, traces.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(new[] { 0.9, 0.5 }, traces[0].GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(new[] { 1.0, 2.0 }, traces[0].GetProperty("x").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal("y2", traces[2].GetProperty("yaxis").GetString());
        var layout = figure.GetProperty("layout");
        Assert.Equal("right", layout.GetProperty("yaxis2").GetProperty("side").GetString());
        Assert.Equal("epoch", layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("Training curves", layout.GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void LossChartWithoutHeldOutDataHasOnlyTheTrainingCurve()
    {
        var history = new History();
        history.Add(new EpochStats(1, 0.9, double.NaN, double.NaN, 1, 100));
        var traces = Figure(Curves.Loss(history)).GetProperty("data").EnumerateArray().ToList();
        Assert.Equal("train loss", Assert.Single(traces).GetProperty("name").GetString());
    }

    [Fact]
    public void NaNPointsAreLeftOutSoTheJsonStaysValid()
    {
        var figure = Figure(Curves.Line([1, 2, 3], [0.5, double.NaN, 0.25], name: "loss"));
        var trace = figure.GetProperty("data")[0];
        Assert.Equal(new[] { 1.0, 3.0 }, trace.GetProperty("x").EnumerateArray().Select(v => v.GetDouble()));
    }

    [Fact]
    public void LinesNamesEverySeriesAndTitlesTheAxes()
    {
        var figure = Figure(Curves.Lines("Losses", "step", "loss", Series.Of("a", [3, 2, 1]), Series.Of("b", [1, 1, 1])));
        Assert.Equal(new[] { "a", "b" }, figure.GetProperty("data").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal("loss", figure.GetProperty("layout").GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void MismatchedSeriesLengthsThrow()
    {
        var ex = Assert.Throws<ArgumentException>(() => Curves.Line([1, 2], [1, 2, 3], name: "loss"));
        Assert.Contains("2 x values but 3 y values", ex.Message);
    }

    [Fact]
    public void HeatmapKeepsRowsAndDrawsRowZeroOnTop()
    {
        var figure = Figure(Heatmap.Create(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } }, title: "feature map"));
        var trace = figure.GetProperty("data")[0];
        Assert.Equal("heatmap", trace.GetProperty("type").GetString());
        var z = trace.GetProperty("z").EnumerateArray().Select(row => row.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        Assert.Equal(new[] { new[] { 1.0, 2, 3 }, new[] { 4.0, 5, 6 } }, z);
        Assert.Equal("reversed", figure.GetProperty("layout").GetProperty("yaxis").GetProperty("autorange").GetString());
    }

    [Fact]
    public void ConfusionMatrixLabelsAxesAndWritesCounts()
    {
        var figure = Figure(Heatmap.ConfusionMatrix(new[,] { { 5, 1 }, { 0, 7 } }, ["cat", "dog"]));
        var trace = figure.GetProperty("data")[0];
        Assert.Equal("%{z}", trace.GetProperty("texttemplate").GetString());
        Assert.Equal(new[] { "cat", "dog" }, trace.GetProperty("x").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("true class", figure.GetProperty("layout").GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void GroupedBarsHaveOneTracePerSeriesWithItsErrorBars()
    {
        var figure = Figure(Bars.Grouped("errors", "test error (%)", ["basic", "rot"],
            new BarSeries("MLP-3", [11.8, 51.9], [0.7, 1.1]), new BarSeries("CAE-2", [9.5, 46.8])));
        var traces = figure.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(new[] { "MLP-3", "CAE-2" }, traces.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(new[] { "basic", "rot" }, traces[0].GetProperty("x").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(new[] { 0.7, 1.1 }, traces[0].GetProperty("error_y").GetProperty("array").EnumerateArray().Select(v => v.GetDouble()));
        Assert.False(traces[1].TryGetProperty("error_y", out _));
    }

    [Fact]
    public void GroupedBarsRefuseASeriesWithTheWrongNumberOfValues()
    {
        var error = Assert.Throws<ArgumentException>(() => Bars.Grouped("t", "y", ["a", "b"], new BarSeries("s", [1.0])));
        Assert.Contains("Series \"s\" has 1 values", error.Message);
    }

    private static JsonElement Figure(GenericChart chart) => JsonDocument.Parse(GenericChart.toJson(chart)).RootElement;
}
