using System.Text.Json.Nodes;
using Course.Notebooks.Benchmark;
using Course.Notebooks.Tests.Support;

namespace Course.Notebooks.Tests.Cli;

/// <summary><c>course bench</c> end to end, in quick mode: the figures' values are the benchmark's business, not these tests'.</summary>
public class BenchCommandTests
{
    [Fact]
    public void AQuickRunPrintsEveryFigureAndWritesThemAsJson()
    {
        using var folder = new TempFolder();
        var result = CourseCli.Run(folder.Path, "bench", "--quick", "--json", "bench.json");

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}:\n{result.Out}\n{result.Error}");
        var json = (JsonObject)JsonNode.Parse(File.ReadAllText(folder.File("bench.json")))!;
        Assert.Equal(BenchmarkSuite.Keys, json.Select(kv => kv.Key));
        foreach (var (key, value) in json)
        {
            double number = value!.GetValue<double>();
            Assert.True(double.IsFinite(number), $"{key} = {number}");
            if (key != "rss_growth_mb") Assert.True(number > 0, $"{key} = {number}");            // memory may also shrink
        }
        Assert.All(BenchmarkSuite.Keys, key => Assert.Contains(key, result.Out));
        Assert.Contains("≥ 0.6", result.Out);
        Assert.Contains("≤ 50", result.Out);
        Assert.Contains("≤ 100", result.Out);
        Assert.Matches("all targets met|missed: ", result.Out);
    }

    [Theory]
    [InlineData("--epochs 0", "--epochs must be at least 1, got 0")]
    [InlineData("--epochs many", "many")]
    [InlineData("--json /no/such/folder/bench.json", "does not exist")]
    public void BadInputGivesOneLineAndExitCodeTwo(string arguments, string expected)
    {
        using var folder = new TempFolder();
        var result = CourseCli.Run(folder.Path, ["bench", "--quick", .. arguments.Split(' ')]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.False(File.Exists(folder.File("bench.json")));
    }
}
