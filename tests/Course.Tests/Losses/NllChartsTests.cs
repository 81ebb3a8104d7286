using System.Text.Json;
using Course.Losses;
using Plotly.NET;
using Xunit;

namespace Course.Tests.Losses;

/// <summary>The NLL surface chart, read back from the figure JSON that Plotly.NET writes.</summary>
public sealed class NllChartsTests
{
    [Fact]
    public void SurfaceHasOneContourAndMarksTheLowestGridPoint()
    {
        double[] xs = [-1, 0, 1, 2], ys = [0.5, 1, 1.5];
        var chart = NllCharts.Surface(xs, ys, (x, y) => (x - 1) * (x - 1) + (y - 1.5) * (y - 1.5), "bowl", "μ", "σ");
        using var figure = JsonDocument.Parse(GenericChart.toJson(chart));
        var traces = figure.RootElement.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal("contour", traces[0].GetProperty("type").GetString());
        Assert.Equal(ys.Length, traces[0].GetProperty("z").GetArrayLength());                       // one row per y
        Assert.Equal(xs.Length, traces[0].GetProperty("z")[0].GetArrayLength());
        Assert.Equal(1.0, traces[1].GetProperty("x")[0].GetDouble());
        Assert.Equal(1.5, traces[1].GetProperty("y")[0].GetDouble());
        Assert.Equal("σ", figure.RootElement.GetProperty("layout").GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void AnEmptyGridIsAnError() =>
        Assert.Contains("0 x values", Assert.Throws<ArgumentException>(() => NllCharts.Surface([], [1.0], (x, y) => 0)).Message);
}
