using System.Text.Json.Nodes;
using Course.Notebooks.Benchmark;

namespace Course.Notebooks.Tests.Benchmark;

/// <summary>The pieces of <c>course bench</c> that need no measuring: targets, JSON, settings, and the engine's cell timing.</summary>
public class BenchmarkSuiteTests
{
    [Theory]
    [InlineData(0.61, true)]
    [InlineData(0.6, true)]
    [InlineData(0.59, false)]
    public void AFractionOfPeakPassesFromSixTenths(double value, bool met) =>
        Assert.Equal(met, BenchmarkFigure.AtLeast("ae_train_fraction_of_peak", value, "", 0.6).Met);

    [Theory]
    [InlineData(12.0, true)]
    [InlineData(50.0, true)]
    [InlineData(50.5, false)]
    public void MemoryGrowthPassesUpToFiftyMegabytes(double value, bool met) =>
        Assert.Equal(met, BenchmarkFigure.AtMost("rss_growth_mb", value, "MB", 50).Met);

    [Fact]
    public void JsonHasOneNumberPerKeyAndNullForAValueThatIsNotFinite()
    {
        var figures = BenchmarkSuite.Keys.Select((k, i) => new BenchmarkFigure(k, i + 0.5, "")).ToList();
        figures[^1] = figures[^1] with { Value = double.NaN };
        var json = (JsonObject)JsonNode.Parse(BenchmarkSuite.ToJson(figures))!;
        Assert.Equal(BenchmarkSuite.Keys, json.Select(kv => kv.Key));
        Assert.Equal(1.5, json["ae_train_gflops"]!.GetValue<double>());
        Assert.Null(json["cell_overhead_ms"]);
    }

    [Fact]
    public void TheKeysAreDesignMdsKeys() =>
        Assert.Equal(["matmul_gflops", "ae_train_gflops", "ae_train_fraction_of_peak", "lenet_samples_per_second", "rss_growth_mb", "cell_overhead_ms"],
                     BenchmarkSuite.Keys);

    [Fact]
    public void TheFullRunMeasuresMemoryOverThirtyEpochsOfAllEightThousandDigits()
    {
        Assert.Equal(30, BenchmarkSettings.Full.MemoryEpochs);
        Assert.Equal(8000, BenchmarkSettings.Full.Digits);
    }

    [Fact]
    public void ASettingOutOfRangeIsNamed()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => (BenchmarkSettings.Quick with { Cells = 0 }).Validate());
        Assert.Contains("Cells must be at least 1, got 0", e.Message);
    }

    [Fact]
    public async Task ATrivialCellTakesAPositiveTime()
    {
        double ms = await CellOverhead.MeasureAsync(warmupCells: 0, cells: 2);
        Assert.True(ms > 0 && double.IsFinite(ms), $"{ms} ms");
    }
}
