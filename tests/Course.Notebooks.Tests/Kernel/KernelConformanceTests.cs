using Course.Notebooks.Kernel;
using Course.Notebooks.Tests.Support;
using Xunit.Abstractions;

namespace Course.Notebooks.Tests.Kernel;

/// <summary>Jupyter's own kernel test suite (Debian's <c>python3-jupyter-kernel-test</c>) against the kernel installed as <c>.net-csharp</c>.</summary>
/// <remarks>scripts/kernel_conformance.py gives a sample for every test the suite offers and fails on any skipped one; one kernel process serves it all.</remarks>
public class KernelConformanceTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void JupyterKernelTestPassesWholeWithASampleForEveryTest()
    {
        DebianTool.JupyterKernelTest.Require();
        using var folder = new TempFolder();
        Jupyter.InstallKernel(folder, KernelSpec.DefaultName);
        var script = Path.Combine(Support.Notebooks.RepoRoot, "tests", "Course.Notebooks.Tests", "Kernel", "scripts", "kernel_conformance.py");
        var result = Jupyter.Run(folder, TimeSpan.FromSeconds(150), Jupyter.Python, [script, KernelSpec.DefaultName]);
        output.WriteLine(result.Out);
        output.WriteLine(result.Error);
        Assert.True(result.ExitCode == 0 && result.Out.Contains("CONFORMANCE OK"), $"kernel_conformance.py exited {result.ExitCode}:\n{result.Out}\n{result.Error}");
    }
}
