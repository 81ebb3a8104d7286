using Course.Interactive;
using Xunit;

namespace Course.Tests.Interactive;

/// <summary>The plotly.js embedded in Plotly.NET, found by reflection.</summary>
public sealed class PlotlyJsTests
{
    [Fact]
    public void VersionIsTheOnePlotlyNetSixEmbeds() => Assert.Equal("2.28.0", PlotlyJs.Version);

    [Fact]
    public void ScriptIsTheMinifiedLibraryOfThatVersion()
    {
        Assert.True(PlotlyJs.Script.Length > 1_000_000, $"only {PlotlyJs.Script.Length} characters");
        Assert.Contains("plotly.js v2.28.0", PlotlyJs.Script[..2000]);
        Assert.Contains("newPlot", PlotlyJs.Script);
    }

    [Fact]
    public void FileNameCarriesTheVersion() => Assert.Equal("plotly-2.28.0.min.js", PlotlyJs.FileName);

    [Fact]
    public void LicenseIsMit() => Assert.Contains("MIT", PlotlyJs.License);
}
