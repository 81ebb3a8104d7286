using System.Text.Json.Nodes;
using Course.Notebooks.Document;

namespace Course.Notebooks.Tests.Document;

/// <summary>The one output-to-JSON mapping: lines for files, whole strings for kernel messages.</summary>
public class OutputJsonTests
{
    [Fact]
    public void AStreamIsALineListInFilesAndOneStringInMessages()
    {
        var output = new StreamOutput("stdout", "a\nb\n");
        Assert.Equal("""{"name":"stdout","text":["a\n","b\n"]}""", OutputJson.Fields(output, lines: true).ToJsonString());
        Assert.Equal("""{"name":"stdout","text":"a\nb\n"}""", OutputJson.Fields(output, lines: false).ToJsonString());
    }

    [Fact]
    public void JsonMimeTypesBecomeJsonValuesAndInvalidJsonStaysText()
    {
        var bundle = OutputJson.Bundle(new Dictionary<string, string>
        {
            [MimeTypes.PlotlyJson] = """{"data": []}""",
            ["application/json"] = "{not json",
            [MimeTypes.Png] = "iVBOR\nw0",
        }, lines: true);
        Assert.IsType<JsonObject>(bundle[MimeTypes.PlotlyJson]);
        Assert.Equal("""["{not json"]""", bundle["application/json"]!.ToJsonString());
        Assert.Equal("iVBOR\nw0", bundle[MimeTypes.Png]!.GetValue<string>());
    }

    [Fact]
    public void AnErrorHasNameValueAndTraceback() =>
        Assert.Equal("""{"ename":"E","evalue":"v","traceback":["t"]}""", OutputJson.Fields(new ErrorOutput("E", "v", ["t"]), lines: false).ToJsonString());

    [Fact]
    public void AResultKeepsItsExecutionCount() =>
        Assert.Equal(3, OutputJson.Fields(new ExecuteResultOutput(new Dictionary<string, string> { [MimeTypes.PlainText] = "1" }, 3), lines: false)["execution_count"]!.GetValue<int>());

    [Theory]
    [InlineData(MimeTypes.PlotlyJson, "{}", true)]
    [InlineData(MimeTypes.Html, "<script>window.Plotly.newPlot(t)</script>", true)]
    [InlineData(MimeTypes.Html, "<b>plotly</b>", false)]
    [InlineData(MimeTypes.PlainText, "Plotly.newPlot", false)]
    public void PlotlyChartsAreBundlesWithPlotlyJsonOrHtmlCallingPlotly(string mime, string value, bool chart) =>
        Assert.Equal(chart, PlotlyCharts.IsChart(new Dictionary<string, string> { [mime] = value }));
}
