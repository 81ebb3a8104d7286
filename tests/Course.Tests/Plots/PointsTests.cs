using System.Text.Json;
using Course.Plots;
using Plotly.NET;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Plots;

/// <summary>Scatter plots of 2-D points (notebook 11-gan), read back from the figure JSON.</summary>
public sealed class PointsTests
{
    [Fact]
    public void PointSetReadsTheRowsOfAnNBy2Tensor()
    {
        var set = PointSet.Of("real", tensor(new float[] { 1, 2, 3, 4, 5, 6 }, new long[] { 3, 2 }));
        Assert.Equal(new double[] { 1, 3, 5 }, set.X);
        Assert.Equal(new double[] { 2, 4, 6 }, set.Y);
    }

    [Fact]
    public void PointSetRejectsOtherShapesNamingThem()
    {
        var ex = Assert.Throws<ArgumentException>(() => PointSet.Of("bad", zeros(4, 3)));
        Assert.Contains("(4, 3)", ex.Message);
    }

    [Fact]
    public void ScatterHasOneMarkerTracePerSetAndSquareAxes()
    {
        var figure = Figure(Points.Scatter("ring", 3, new PointSet("a", [0.0, 1], [1.0, 0]), new PointSet("b", [2.0], [2.0], 9)));
        var traces = figure.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(new[] { "a", "b" }, traces.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal("markers", traces[0].GetProperty("mode").GetString());
        Assert.Equal(9, traces[1].GetProperty("marker").GetProperty("size").GetInt32());
        var range = figure.GetProperty("layout").GetProperty("xaxis").GetProperty("range").EnumerateArray().Select(v => v.GetDouble());
        Assert.Equal(new[] { -3.0, 3.0 }, range);
    }

    [Fact]
    public void SnapshotsPutEachPanelOnItsOwnAxes()
    {
        var panels = Enumerable.Range(1, 6).Select(i => ($"epoch {i}", new PointSet("samples", [i * 0.1], [0.0]))).ToList();
        var figure = Figure(Points.Snapshots("snapshots", panels, range: 2, columns: 4, reference: new PointSet("modes", [1.0], [0.0])));
        var traces = figure.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(12, traces.Count);
        Assert.Equal(6, traces.Select(t => t.GetProperty("xaxis").GetString()).Distinct().Count());
        var layout = figure.GetProperty("layout");
        Assert.Equal(new[] { -2.0, 2.0 }, layout.GetProperty("yaxis6").GetProperty("range").EnumerateArray().Select(v => v.GetDouble()));
    }

    [Fact]
    public void EmptyInputIsRejected()
    {
        Assert.Throws<ArgumentException>(() => Points.Scatter("none", null));
        Assert.Throws<ArgumentException>(() => Points.Snapshots("none", [], 1));
    }

    private static JsonElement Figure(GenericChart chart) => JsonDocument.Parse(GenericChart.toJson(chart)).RootElement;
}
