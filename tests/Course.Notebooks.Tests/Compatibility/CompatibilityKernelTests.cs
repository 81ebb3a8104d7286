using Course.Notebooks.Document;
using Course.Notebooks.Tests.Support;

namespace Course.Notebooks.Tests.Compatibility;

/// <summary>The display API through the course kernel, executed by Debian's <c>jupyter nbconvert</c> (issue 17, item 2).</summary>
public class CompatibilityKernelTests
{
    [SkippableFact]
    public void NbconvertShowsTheDisplayApiWithTheSameMimeTypes()
    {
        using var folder = new TempFolder();
        Jupyter.InstallKernel(folder);
        var notebook = folder.File("DisplayApi.ipynb");
        File.Copy(CompatibilityNotebookTests.Source("DisplayApi"), notebook);

        var result = Jupyter.Nbconvert(folder, notebook, folder.File("out"), TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 0, $"nbconvert exited {result.ExitCode}:\n{result.Error}");
        var cells = NotebookDocument.Load(folder.File("out/DisplayApi.ipynb")).Cells.Where(c => c.Type == CellType.Code).ToList();
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
    }
}
