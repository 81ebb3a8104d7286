using Course.Notebooks.Tests.Support;
using Xunit.Abstractions;

namespace Course.Notebooks.Tests.Kernel;

/// <summary>The kernel as a child process, driven by Debian's real Jupyter client (scripts/drive_kernel.py).</summary>
/// <remarks>nbconvert through the kernel runs every course notebook in <see cref="Notebooks.NotebookKernelTests"/>.</remarks>
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

    private static string Script(string name) => Path.Combine(Support.Notebooks.RepoRoot, "tests", "Course.Notebooks.Tests", "Kernel", "scripts", name);

    private CourseCli.Result RunPython(TempFolder folder, TimeSpan timeout, params string[] args) => Logged(Jupyter.Run(folder, timeout, Jupyter.Python, args));

    private CourseCli.Result Logged(CourseCli.Result result)
    {
        output.WriteLine(result.Out);
        output.WriteLine(result.Error);
        return result;
    }
}
