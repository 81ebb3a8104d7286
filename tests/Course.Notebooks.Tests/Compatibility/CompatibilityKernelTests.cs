using Course.Notebooks.Document;
using Course.Notebooks.Tests.Packages;
using Course.Notebooks.Tests.Support;

namespace Course.Notebooks.Tests.Compatibility;

/// <summary>The compatibility notebooks through the course kernel, executed by Debian's <c>jupyter nbconvert</c> (issue 17, items 2 and 5).</summary>
/// <remarks>
/// One nbconvert runs DisplayApi.ipynb and Packages.ipynb (a kernel each): a second call would start Python and
/// install the kernelspec again. Packages.ipynb sits beside the tiny feed and its kernel reads that feed's cache
/// (<c>XDG_CACHE_HOME</c>), so it restores nothing.
/// </remarks>
[Collection(nameof(TinyFeed))]
public class CompatibilityKernelTests(TinyFeedFixture feed)
{
    private static List<NotebookCell> CodeCells(string path) =>
        NotebookDocument.Load(path).Cells.Where(c => c.Type == CellType.Code).ToList();

    [SkippableFact]
    public void NbconvertShowsTheDisplayApiWithTheSameMimeTypesAndRunsThePackagesNotebookFromTheCache()
    {
        using var folder = new TempFolder();
        Jupyter.InstallKernel(folder);
        var displayApi = folder.File("DisplayApi.ipynb");
        File.Copy(CompatibilityNotebookTests.Source("DisplayApi"), displayApi);
        var packages = feed.PlaceBesideFeed(CompatibilityNotebookTests.Source("Packages"));

        var result = Jupyter.Nbconvert(folder, [displayApi, packages], folder.File("out"), TimeSpan.FromSeconds(150), ("XDG_CACHE_HOME", feed.XdgCacheHome));

        Assert.True(result.ExitCode == 0, $"nbconvert exited {result.ExitCode}:\n{result.Error}");
        var cells = CodeCells(folder.File("out/DisplayApi.ipynb"));
        Assert.DoesNotContain(cells.SelectMany(c => c.Outputs), o => o is ErrorOutput);
        Assert.Equal("Done.", Assert.IsType<DisplayDataOutput>(Assert.Single(cells[0].Outputs)).Data["text/plain"]); // update_display_data
        Assert.Contains("<td>Alan &lt;Turing&gt;</td>", Assert.IsType<ExecuteResultOutput>(Assert.Single(cells[2].Outputs)).Data["text/html"]);
        Assert.StartsWith("<script type=\"text/javascript\">", Assert.IsType<DisplayDataOutput>(Assert.Single(cells[5].Outputs)).Data["text/html"]);
        Assert.Equal("<span style=\"color:red\">red &lt;text&gt;</span>", Assert.IsType<ExecuteResultOutput>(Assert.Single(cells[7].Outputs)).Data["text/html"]);
        Assert.Equal(@"$$\frac{1}{2} + \frac{1}{2} = 1$$", Assert.IsType<ExecuteResultOutput>(Assert.Single(cells[10].Outputs)).Data["text/latex"]);
        Assert.Equal("<b>Ada</b>", Assert.IsType<ExecuteResultOutput>(Assert.Single(cells[11].Outputs)).Data["text/html"]);
        // A cleared display stays as an empty bundle (Jupyter cannot remove one display); clear_output removes what came before it.
        Assert.Empty(cells[13].Outputs.OfType<DisplayDataOutput>().SelectMany(d => d.Data));
        Assert.Equal("kept", Assert.IsType<DisplayDataOutput>(Assert.Single(cells[14].Outputs)).Data["text/plain"]);

        PackagesNotebookTests.AssertRan(CodeCells(folder.File("out/Packages.ipynb")));
    }
}
