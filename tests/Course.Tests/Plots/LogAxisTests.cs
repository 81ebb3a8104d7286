using System.Text.Json;
using Course.Plots;
using Plotly.NET;
using Xunit;

namespace Course.Tests.Plots;

/// <summary>The log y axis of notebook 05's gradient-norm chart, read back from the figure JSON.</summary>
public sealed class LogAxisTests
{
    [Fact]
    public void WithLogYMakesTheYAxisLogarithmicAndKeepsItsTitle()
    {
        var chart = Curves.Lines("Norms", "T", "norm", Series.Of("a", [1, 0.1, 0.01])).WithLogY();
        var yaxis = JsonDocument.Parse(GenericChart.toJson(chart)).RootElement.GetProperty("layout").GetProperty("yaxis");
        Assert.Equal("log", yaxis.GetProperty("type").GetString());
        Assert.Equal("norm", yaxis.GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void WithoutItTheYAxisIsLinear()
    {
        var yaxis = JsonDocument.Parse(GenericChart.toJson(Curves.Lines("Norms", "T", "norm", Series.Of("a", [1, 2])))).RootElement
            .GetProperty("layout").GetProperty("yaxis");
        Assert.False(yaxis.TryGetProperty("type", out var type) && type.GetString() == "log");
    }
}
