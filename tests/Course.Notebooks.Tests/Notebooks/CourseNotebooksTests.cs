using Course.Notebooks.Document;
using Course.Notebooks.Running;
using Course.Notebooks.Tests.Support;

namespace Course.Notebooks.Tests.Notebooks;

/// <summary>Every course notebook executes end to end and reaches its quality figures.</summary>
public class CourseNotebooksTests
{
    private static string NotebooksFolder => Path.Combine(Support.Notebooks.RepoRoot, "notebooks");

    public static TheoryData<string> AllNotebooks()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(NotebooksFolder, "*.ipynb").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileNameWithoutExtension(file));
        return data;
    }

    /// <summary>Quality figures each notebook must reach in its test run (metric, lowest, highest).</summary>
    private static readonly Dictionary<string, (string Metric, double Min, double Max)[]> expectations = new()
    {
        ["00-setup"] = [("setup_test_accuracy", 0.90, 1.0)],
    };

    /// <summary>Shortened parameters for the test run (the full run is `course run notebooks`).</summary>
    private static readonly Dictionary<string, Dictionary<string, string>> shortened = new()
    {
        ["00-setup"] = new() { ["numEpochs"] = "4" },
    };

    [Theory]
    [MemberData(nameof(AllNotebooks))]
    public async Task NotebookRunsEndToEndAndReachesItsFigures(string stem)
    {
        using var folder = new TempFolder();
        var source = Path.Combine(NotebooksFolder, stem + ".ipynb");
        var before = File.ReadAllText(source);

        var runs = await new CourseRunner(new RunOptions(folder.Path, shortened.GetValueOrDefault(stem))).RunAsync([source]);

        var run = Assert.Single(runs);
        Assert.True(run.Succeeded, run.Error);
        Assert.Equal(before, File.ReadAllText(source));
        Assert.Empty(NotebookSchema.Errors(File.ReadAllText(Path.Combine(folder.Path, stem + ".ipynb"))));
        foreach (var (metric, min, max) in expectations.GetValueOrDefault(stem, []))
        {
            Assert.True(run.Metrics.ContainsKey(metric), $"{stem} did not record {metric}");
            Assert.InRange(run.Metrics[metric], min, max);
        }
    }

    [Theory]
    [MemberData(nameof(AllNotebooks))]
    public void NotebookFollowsTheCourseShape(string stem)
    {
        var notebook = NotebookDocument.Load(Path.Combine(NotebooksFolder, stem + ".ipynb"));
        Assert.Equal(NotebookFormat.KernelName, notebook.KernelName);
        Assert.StartsWith(stem[..2] + " · ", notebook.Title);
        var setup = notebook.Cells.First(c => c.Type == CellType.Code);
        Assert.Contains("#r \"nuget: Course", setup.Source);
        Assert.True(setup.Metadata["jupyter"]?["source_hidden"]?.GetValue<bool>() == true, "the setup cell is hidden");
        Assert.Contains(notebook.Cells, c => c.HasTag("parameters"));
        Assert.All(notebook.Cells.Where(c => c.Type == CellType.Code), c => Assert.Empty(c.Outputs));
        Assert.Contains("Metrics.Record", notebook.Cells.Last(c => c.Type == CellType.Code).Source);
    }
}
