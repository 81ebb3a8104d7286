using Course.Notebooks.Running;
using Course.Notebooks.Tests.Support;

namespace Course.Notebooks.Tests.Running;

/// <summary>The one metrics file shape, <c>{notebook: {metric: value}}</c>, written by course run and the kernel.</summary>
public class MetricsFileTests
{
    [Fact]
    public void WritingMergesWithTheNotebooksAlreadyThereAndSortsByName()
    {
        using var folder = new TempFolder();
        var path = folder.File("metrics.json");
        MetricsFile.Write(path, [KeyValuePair.Create("b", (IReadOnlyDictionary<string, double>)new Dictionary<string, double> { ["z"] = 1, ["a"] = 2 })]);
        MetricsFile.Write(path, [KeyValuePair.Create("a", (IReadOnlyDictionary<string, double>)new Dictionary<string, double> { ["x"] = 0.5 })]);
        var metrics = MetricsFile.Read(path);
        Assert.Equal(["a", "b"], metrics.Keys);
        Assert.Equal(["a", "z"], metrics["b"].Keys);
        Assert.Equal(0.5, metrics["a"]["x"]);
        Assert.StartsWith("{\n  \"a\": {\n    \"x\": 0.5\n  },", File.ReadAllText(path));
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("[1, 2]")]
    [InlineData("""{"flat": 1}""")]
    public void AFileInAnotherShapeReadsAsEmpty(string text)
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("m.json"), text);
        Assert.Empty(MetricsFile.Read(folder.File("m.json")));
    }
}
