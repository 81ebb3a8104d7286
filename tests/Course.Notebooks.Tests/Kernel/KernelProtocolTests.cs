using System.Diagnostics;
using Course.Notebooks.Document;
using Course.Notebooks.Tests.Support;
using Xunit.Abstractions;

namespace Course.Notebooks.Tests.Kernel;

/// <summary>The kernel as a child process, driven by Debian's real Jupyter client (scripts/drive_kernel.py).</summary>
public class KernelProtocolTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void JupyterClientExecutesCompletesInterruptsAndShutsDownWhileForgedMessagesNeverRun()
    {
        using var folder = new TempFolder();
        Jupyter.InstallKernel(folder);
        var sideEffect = folder.File("forged-message-ran.txt");
        var result = RunPython(folder, TimeSpan.FromSeconds(55), Script("drive_kernel.py"), Jupyter.KernelName, sideEffect, "--interrupt");
        Assert.True(result.ExitCode == 0 && result.Out.Contains("ALL OK"), $"drive_kernel.py exited {result.ExitCode}:\n{result.Out}\n{result.Error}");
        Assert.False(File.Exists(sideEffect), "a message with a forged signature ran");
    }

    [SkippableFact]
    public void NbconvertExecutesTheSetupNotebookThroughTheKernel()
    {
        using var folder = new TempFolder();
        Jupyter.InstallKernel(folder);
        var notebooks = Directory.CreateDirectory(Path.Combine(folder.Path, "notebooks")).FullName;
        File.Copy(Path.Combine(Support.Notebooks.RepoRoot, "notebooks", "00-setup.ipynb"), Path.Combine(notebooks, "00-setup.ipynb"));
        var result = Logged(Jupyter.Nbconvert(folder, Path.Combine(notebooks, "00-setup.ipynb"), folder.Path, TimeSpan.FromSeconds(58), ("COURSE_PARAMETERS", "numEpochs=1")));
        Assert.True(result.ExitCode == 0, $"nbconvert exited {result.ExitCode}:\n{result.Error}");
        var executed = NotebookDocument.Load(folder.File("00-setup.ipynb"));
        var code = executed.Cells.Where(c => c.Type == CellType.Code).ToList();
        Assert.All(code, c => Assert.NotNull(c.ExecutionCount));
        Assert.DoesNotContain(code.SelectMany(c => c.Outputs), o => o is ErrorOutput);
        var text = string.Join("\n", code.SelectMany(c => c.Outputs).OfType<StreamOutput>().Select(s => s.Text));
        Assert.Contains("TorchSharp", text);
        Assert.Contains("epoch 1/1 ", string.Join("\n", code.SelectMany(c => c.Outputs).Select(Describe))); // COURSE_PARAMETERS applied
    }

    private static string Describe(CellOutput output) => output switch
    {
        StreamOutput s => s.Text,
        DisplayDataOutput d => string.Join("\n", d.Data.Values),
        ExecuteResultOutput r => string.Join("\n", r.Data.Values),
        _ => "",
    };

    private static string Script(string name) => Path.Combine(Support.Notebooks.RepoRoot, "tests", "Course.Notebooks.Tests", "Kernel", "scripts", name);

    private CourseCli.Result RunPython(TempFolder folder, TimeSpan timeout, params string[] args) => Logged(Jupyter.Run(folder, timeout, Jupyter.Python, args));

    private CourseCli.Result Logged(CourseCli.Result result)
    {
        output.WriteLine(result.Out);
        output.WriteLine(result.Error);
        return result;
    }
}
