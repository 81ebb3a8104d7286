using Course.Notebooks.Document;
using Course.Notebooks.Running;
using Course.Notebooks.Tests.Support;

namespace Course.Notebooks.Tests.Compatibility;

/// <summary>The compatibility notebooks of this folder, written the way .NET Interactive's documentation uses each feature, run through <c>course run</c>'s runner in process (issue 17, items 2 and 3).</summary>
/// <remarks>In the ProcessWide collection: DisplayApi.ipynb calls <c>Formatter.ResetToDefault()</c>, which would drop other tests' registrations.</remarks>
[Collection(nameof(ProcessWide))]
public class CompatibilityNotebookTests
{
    public static string Source(string name) => Path.Combine(Support.Notebooks.RepoRoot, "tests", "Course.Notebooks.Tests", "Compatibility", name + ".ipynb");

    private static async Task<(NotebookRun Run, List<NotebookCell> Cells, string OutDir)> RunAsync(TempFolder folder, string name, bool allowErrors = false, bool book = false)
    {
        var outDir = folder.File("out");
        var run = Assert.Single(await new CourseRunner(new RunOptions(outDir, WriteBook: book, JudgeTargets: false, AllowErrors: allowErrors)).RunAsync([Source(name)]));
        Assert.Empty(NotebookSchema.Errors(File.ReadAllText(Path.Combine(outDir, name + ".ipynb"))));
        var cells = NotebookDocument.Load(Path.Combine(outDir, name + ".ipynb")).Cells.Where(c => c.Type == CellType.Code).ToList();
        return (run, cells, outDir);
    }

    /// <summary>The one rich output of a cell (display or result), or a failure naming what it had.</summary>
    private static IReadOnlyDictionary<string, string> Bundle(NotebookCell cell)
    {
        var bundles = cell.Outputs.Select(o => o switch { DisplayDataOutput d => d.Data, ExecuteResultOutput r => r.Data, _ => null })
                                  .OfType<IReadOnlyDictionary<string, string>>().ToList();
        Assert.True(bundles.Count == 1, $"cell {cell.ExecutionCount}: {bundles.Count} rich outputs in\n{cell.Source}");
        return bundles[0];
    }

    [Fact]
    public async Task DisplayApiCellsShowWhatDotNetInteractiveShows()
    {
        using var folder = new TempFolder();
        var (run, cells, outDir) = await RunAsync(folder, "DisplayApi", book: true);

        Assert.True(run.Succeeded, run.Error);
        Assert.Equal("Done.", Bundle(cells[0])["text/plain"]);
        Assert.Contains("<th><i>index</i></th><th>value</th>", Bundle(cells[1])["text/html"]);
        Assert.Contains("<tr><td>1</td><td>world</td></tr>", Bundle(cells[1])["text/html"]);
        var people = Bundle(cells[2]);
        Assert.Contains("<th><i>index</i></th><th>Name</th><th>Age</th>", people["text/html"]);
        Assert.Contains("<td>Alan &lt;Turing&gt;</td><td>41</td>", people["text/html"]);
        Assert.IsType<ExecuteResultOutput>(Assert.Single(cells[2].Outputs));
        Assert.Contains("<th>Name</th>", Bundle(cells[3])["text/html"]);
        Assert.Equal("<b>bold</b> and <i>italic</i>", Bundle(cells[4])["text/html"]);
        Assert.Equal("<script type=\"text/javascript\">\nconsole.log('hello from C#')\n</script>", Bundle(cells[5])["text/html"]);
        Assert.Equal("**Markdown** from C#", Bundle(cells[6])["text/markdown"]);
        Assert.Equal("<span style=\"color:red\">red &lt;text&gt;</span>", Bundle(cells[7])["text/html"]);
        Assert.Equal("<div><b>bold</b> then <i>italic</i><table><tr><td>a</td><td>1</td></tr></table></div>", Bundle(cells[8])["text/html"]);
        Assert.Equal(@"\begin{align} e^{i\pi} + 1 &= 0 \end{align}", Bundle(cells[9])["text/latex"]);
        Assert.Equal(@"$$\frac{1}{2} + \frac{1}{2} = 1$$", Bundle(cells[10])["text/latex"]);
        Assert.Equal("<b>Ada</b>", Bundle(cells[11])["text/html"]);
        Assert.Equal("Ada (36)", Bundle(cells[11])["text/plain"]);
        Assert.Contains("<th>Name</th><th>Age</th>", Bundle(cells[12])["text/html"]); // ResetToDefault
        Assert.Equal("cleared\n", Assert.IsType<StreamOutput>(Assert.Single(cells[13].Outputs)).Text);
        Assert.Equal("kept", Bundle(cells[14])["text/plain"]);
        Assert.Single(cells[14].Outputs);

        var page = File.ReadAllText(Path.Combine(outDir, "DisplayApi.html"));
        Assert.Contains("<span style=\"color:red\">red &lt;text&gt;</span>", page);
        Assert.Contains("<td>Alan &lt;Turing&gt;</td>", page);
        Assert.Contains(@"<div class=""output math"">$$\frac{1}{2} + \frac{1}{2} = 1$$</div>", page);
        Assert.DoesNotContain("Alan <Turing>", page);
    }

    [Fact]
    public async Task MagicCellsShowHtmlMarkdownAndScripts()
    {
        using var folder = new TempFolder();
        var (run, cells, _) = await RunAsync(folder, "Magics");

        Assert.True(run.Succeeded, run.Error);
        Assert.StartsWith("# A heading from `#!markdown`", Bundle(cells[0])["text/markdown"]);
        Assert.Equal("<p class=\"from-html\">Hello from <b>#!html</b></p>", Bundle(cells[1])["text/html"]);
        Assert.StartsWith("<script type=\"text/javascript\">\nconsole.log(\"hello from #!javascript\");", Bundle(cells[2])["text/html"]);
        Assert.Empty(cells[3].Outputs);
        Assert.Equal("42", Bundle(cells[4])["text/plain"]);
        Assert.Equal("500500", Bundle(cells[5])["text/plain"]);
        Assert.Contains("Wall time:", Assert.Single(cells[5].Outputs.OfType<StreamOutput>()).Text);
        Assert.Collection(cells[6].Outputs,
            o => Assert.Equal("<p>before</p>", Assert.IsType<DisplayDataOutput>(o).Data["text/html"]),
            o => Assert.Equal("between\n", Assert.IsType<StreamOutput>(o).Text),
            o => Assert.Equal("*after*", Assert.IsType<DisplayDataOutput>(o).Data["text/markdown"]));
    }

    [Fact]
    public async Task ANotebookSavedAsPythonRunsByItsCellsPolyglotMetadata()
    {
        using var folder = new TempFolder();
        var (run, cells, _) = await RunAsync(folder, "PolyglotMetadata");

        Assert.True(run.Succeeded, run.Error);
        Assert.Equal("HELLO", Bundle(cells[1])["text/plain"]);
        Assert.Equal("<p>an HTML cell by its metadata</p>", Bundle(cells[2])["text/html"]);
        Assert.Equal("*a Markdown cell by its metadata*", Bundle(cells[3])["text/markdown"]);
    }

    [Fact]
    public async Task WithoutAllowErrorsTheRunStopsAtTheFirstFailingCell()
    {
        using var folder = new TempFolder();
        var (run, cells, _) = await RunAsync(folder, "Errors");

        Assert.Equal("cell 2 of 5 failed: InvalidOperationException: shown on purpose", run.Error!.Split(" at cell")[0]);
        Assert.Equal(2, run.CellsRun);
        Assert.Empty(cells[4].Outputs);
    }

    [Fact]
    public async Task AllowErrorsRunsEveryCellAndKeepsEachError()
    {
        using var folder = new TempFolder();
        var (run, cells, _) = await RunAsync(folder, "Errors", allowErrors: true);

        Assert.False(run.Succeeded);
        Assert.Equal(5, run.CellsRun);
        Assert.StartsWith("3 cells failed: cell 2 of 5 failed: InvalidOperationException: shown on purpose", run.Error);
        Assert.Contains("cell 3 of 5 failed: DirectiveError: F# cells are not supported (cell 3, line 1)", run.Error);
        Assert.Contains("cell 4 of 5 failed: DirectiveError: F# cells are not supported (cell 4, line 1)", run.Error);
        Assert.DoesNotContain("\n", run.Error!, StringComparison.Ordinal);
        Assert.All(cells.Skip(1).Take(3), c => Assert.IsType<ErrorOutput>(Assert.Single(c.Outputs)));
        Assert.Equal("2\n", Assert.IsType<StreamOutput>(Assert.Single(cells[4].Outputs)).Text);
    }
}
