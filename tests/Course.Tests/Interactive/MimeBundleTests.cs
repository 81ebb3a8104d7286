using System.Text.Json;
using Course.Interactive;
using Course.Native;
using Course.Plots;
using Plotly.NET;
using TorchSharp;
using Xunit;

namespace Course.Tests.Interactive;

/// <summary>The MIME bundles of charts, image grids, tensors, plain values and user-formatted types.</summary>
public sealed class MimeBundleTests
{
    public MimeBundleTests() => TorchNative.EnsureLoaded();

    private static GenericChart Chart() => Curves.Line([1, 2, 3], [0.9, 0.5, 0.3], name: "train loss", title: "Loss");

    [Fact]
    public void ChartBundleHasPlainHtmlAndPlotlyJson() =>
        Assert.Equal(new[] { MimeBundle.PlotlyJson, MimeBundle.Html, MimeBundle.PlainText }, MimeBundle.From(Chart()).Keys.Order());

    [Fact]
    public void ChartBundleReferencesNoNetworkResource()
    {
        foreach (var (mime, content) in MimeBundle.From(Chart()))
        {
            Assert.DoesNotContain("cdn", content, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("http", content, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<script src", content, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void ChartJsonParsesIntoDataLayoutAndConfig()
    {
        var figure = JsonDocument.Parse(MimeBundle.From(Chart())[MimeBundle.PlotlyJson]).RootElement;
        Assert.Equal(JsonValueKind.Array, figure.GetProperty("data").ValueKind);
        Assert.Equal("train loss", figure.GetProperty("data")[0].GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Object, figure.GetProperty("layout").ValueKind);
        Assert.Equal(JsonValueKind.Object, figure.GetProperty("config").ValueKind);
    }

    [Fact]
    public void ChartHtmlWaitsForPlotlyThenDrawsTheSameFigure()
    {
        var html = MimeBundle.From(Chart())[MimeBundle.Html];
        Assert.Contains("window.Plotly", html);
        Assert.Contains("Plotly.newPlot", html);
        Assert.Contains("setTimeout", html);
        var start = html.IndexOf("var figure = ", StringComparison.Ordinal) + "var figure = ".Length;
        var end = html.IndexOf(";\n", start, StringComparison.Ordinal);
        var figure = JsonDocument.Parse(html[start..end]).RootElement;
        Assert.Equal(new[] { 0.9, 0.5, 0.3 }, figure.GetProperty("data")[0].GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
    }

    [Fact]
    public void ChartPlainTextNamesTitleAndTraces() =>
        Assert.Equal("Plotly chart \"Loss\" (1 trace: train loss)", MimeBundle.From(Chart())[MimeBundle.PlainText]);

    [Fact]
    public void ImageGridBundleHasBase64PngAndPlainText()
    {
        var bundle = MimeBundle.From(new ImageGrid(torch.rand(4, 1, 8, 8)));
        var png = Convert.FromBase64String(bundle[MimeBundle.Png]);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.StartsWith("ImageGrid: 4 images 8×8", bundle[MimeBundle.PlainText]);
        Assert.False(bundle.ContainsKey(MimeBundle.Html));
    }

    [Fact]
    public void TensorPlainTextShowsShapeAndSmallTensorsGetATable()
    {
        var bundle = MimeBundle.From(torch.ones(2, 3));
        Assert.Contains("shape=(2, 3)", bundle[MimeBundle.PlainText]);
        Assert.Contains("<table", bundle[MimeBundle.Html]);
        Assert.False(MimeBundle.From(torch.ones(4, 5, 6)).ContainsKey(MimeBundle.Html));
    }

    [Fact]
    public void HistoryIsOneLinePerEpochAndATable()
    {
        var history = new Course.Training.History("accuracy");
        history.Add(new Course.Training.EpochStats(1, 0.5, 0.6, 0.9, 1.2, 5000));
        var bundle = MimeBundle.From(history);
        Assert.Equal("epoch 1 · loss 0.5000 · test loss 0.6000 · accuracy 0.9000 · 5,000 samples/s · 1.2 s", bundle[MimeBundle.PlainText]);
        Assert.Contains("<th>accuracy</th>", bundle[MimeBundle.Html]);
        Assert.Contains("<td>0.6000</td>", bundle[MimeBundle.Html]);
    }

    [Fact]
    public void TwoDimensionalArrayIsAnAlignedGridAndATable()
    {
        var bundle = MimeBundle.From(new[,] { { 5, 1 }, { 0, 17 } });
        Assert.Equal(" 5  1\n 0 17", bundle[MimeBundle.PlainText]);
        Assert.Equal(2, bundle[MimeBundle.Html].Split("<tr>").Length - 1);
    }

    [Theory]
    [InlineData("hello", "hello")]
    [InlineData(42, "42")]
    [InlineData(3.5, "3.5")]
    [InlineData(true, "True")]
    [InlineData(DayOfWeek.Monday, "Monday")]
    public void StringsAndPrimitivesArePlainTextWithoutQuotes(object value, string expected)
    {
        var bundle = MimeBundle.From(value);
        Assert.Equal(expected, Assert.Single(bundle, kv => kv.Key == MimeBundle.PlainText).Value);
        Assert.Single(bundle);
    }

    [Fact]
    public void NullIsPlainText() => Assert.Equal(MimeBundle.PlainText, Assert.Single(MimeBundle.From(null)).Key);

    [Fact]
    public void OtherObjectsAreLeftToTheEngineAndOtherwiseTheirText()
    {
        Assert.Null(MimeBundle.TryFrom(new Reading("thermometer", 21)));
        Assert.Equal("Reading { Sensor = thermometer, Value = 21 }", Assert.Single(MimeBundle.From(new Reading("thermometer", 21))).Value);
    }

    /// <summary>A type shown with the default formatters.</summary>
    public sealed record Reading(string Sensor, int Value);
}
