using Course.Notebooks.Document;
using Course.Notebooks.Packages;
using Course.Notebooks.Running;
using Course.Notebooks.Tests.Packages;
using Course.Notebooks.Tests.Support;

namespace Course.Notebooks.Tests.Compatibility;

/// <summary>Packages.ipynb, the package references of .NET Interactive's documentation, through <c>course run</c>'s runner in process (issue 17, item 5).</summary>
/// <remarks>
/// Its packages are the tiny feed's, and its references are the fixture's <see cref="TinyFeedFixture.TinySet"/>: the
/// fixture's one restore is this notebook's first run, and here it runs from the cache with no <c>dotnet</c> at all.
/// <see cref="CompatibilityKernelTests"/> runs it through the kernel, with the same <see cref="AssertRan"/>.
/// </remarks>
[Collection(nameof(TinyFeed))]
public class PackagesNotebookTests(TinyFeedFixture feed)
{
    /// <summary>Every cell of an executed Packages.ipynb ran and the packages' code showed what the feed holds, whichever front end ran it.</summary>
    internal static void AssertRan(IReadOnlyList<NotebookCell> cells)
    {
        string Stream(int cell, string name) => string.Concat(cells[cell].Outputs.OfType<StreamOutput>().Where(s => s.Name == name).Select(s => s.Text));
        IReadOnlyDictionary<string, string> Result(int cell) => Assert.Single(cells[cell].Outputs.OfType<ExecuteResultOutput>()).Data;

        Assert.Equal(7, cells.Count);
        Assert.All(cells, c => Assert.NotNull(c.ExecutionCount));
        Assert.DoesNotContain(cells.SelectMany(c => c.Outputs), o => o is ErrorOutput);
        Assert.Empty(cells[0].Outputs);                                  // #i alone restores nothing
        Assert.DoesNotContain("Restor", Stream(1, "stderr"));            // read from the cache
        Assert.Contains("note: TorchSharp 0.105.0 (a dependency) uses the engine's TorchSharp", Stream(1, "stderr"));
        Assert.Equal("Tiny.Greetings 1.1.0\nTiny.Base 1.1.0\nTiny 1.5.0\nTiny.Pre 2.0.0-beta.1\n", Stream(2, "stdout"));
        Assert.Equal("42", Result(3)[MimeTypes.PlainText]);
        var table = Result(4)[MimeTypes.Html];
        Assert.Contains("<th><i>index</i></th><th>To</th><th>Text</th>", table);
        Assert.Contains("<td>Ada</td><td>Hello, Ada!</td>", table);
        Assert.Contains("<td>Grace</td><td>Hello, Grace!</td>", table);
        Assert.Equal($"True {RestoreProject.RuntimeIdentifier}", Result(5)[MimeTypes.PlainText]);
        Assert.Equal("1.5.0", Result(6)[MimeTypes.PlainText]);
        Assert.Single(cells[6].Outputs);                                 // the second #r: no restore, no note
    }

    [Fact]
    public async Task CourseRunRunsEveryCellFromTheCacheWithoutRestoring()
    {
        using var folder = new TempFolder();
        var notebook = feed.PlaceBesideFeed(CompatibilityNotebookTests.Source("Packages"));
        var offline = feed.NewRestorer(dotnet: folder.File("no-dotnet-here"));

        var run = Assert.Single(await new CourseRunner(new RunOptions(folder.File("out"), WriteBook: false, JudgeTargets: false, Restorer: offline)).RunAsync([notebook]));

        Assert.True(run.Succeeded, run.Error);
        Assert.Equal(0, offline.RestoresRun);
        AssertRan(NotebookDocument.Load(folder.File("out/Packages.ipynb")).Cells.Where(c => c.Type == CellType.Code).ToList());
    }
}
