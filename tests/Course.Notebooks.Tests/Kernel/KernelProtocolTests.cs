using System.Diagnostics;
using Course.Notebooks.Document;
using Course.Notebooks.Tests.Support;
using Xunit.Abstractions;

namespace Course.Notebooks.Tests.Kernel;

/// <summary>The kernel as a child process, driven by Debian's real Jupyter client (scripts/drive_kernel.py).</summary>
public class KernelProtocolTests(ITestOutputHelper output)
{
    private const string Python = "/usr/bin/python3";
    private const string KernelName = "course-test";

    [Fact]
    public void JupyterClientExecutesCompletesInterruptsAndShutsDownWhileForgedMessagesNeverRun()
    {
        using var folder = new TempFolder();
        InstallKernel(folder);
        var sideEffect = folder.File("forged-message-ran.txt");
        var result = RunPython(folder, TimeSpan.FromSeconds(55), Script("drive_kernel.py"), KernelName, sideEffect, "--interrupt");
        Assert.True(result.ExitCode == 0 && result.Out.Contains("ALL OK"), $"drive_kernel.py exited {result.ExitCode}:\n{result.Out}\n{result.Error}");
        Assert.False(File.Exists(sideEffect), "a message with a forged signature ran");
    }

    [Fact]
    public void NbconvertExecutesTheSetupNotebookThroughTheKernel()
    {
        using var folder = new TempFolder();
        InstallKernel(folder);
        var notebooks = Directory.CreateDirectory(Path.Combine(folder.Path, "notebooks")).FullName;
        File.Copy(Path.Combine(Support.Notebooks.RepoRoot, "notebooks", "00-setup.ipynb"), Path.Combine(notebooks, "00-setup.ipynb"));
        var result = RunProcess(folder, TimeSpan.FromSeconds(58), "/usr/bin/jupyter", ["nbconvert", "--to", "notebook", "--execute",
            $"--ExecutePreprocessor.kernel_name={KernelName}", "--ExecutePreprocessor.timeout=50",
            "--output-dir", folder.Path, Path.Combine(notebooks, "00-setup.ipynb")], ("COURSE_PARAMETERS", "numEpochs=1"));
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

    private static void InstallKernel(TempFolder folder)
    {
        RequireJupyterClient();
        var install = CourseCli.Run(folder.Path, "kernel", "install", "--name", KernelName, "--prefix", folder.Path);
        Assert.True(install.ExitCode == 0, install.Error);
    }

    private static void RequireJupyterClient()
    {
        if (!CanImportJupyter()) DebianPackages.TryInstall("python3-jupyter-client", "python3-nbclient", "jupyter-nbconvert");
        Assert.False(!CanImportJupyter(),
            $"{Python} cannot import jupyter_client/nbclient/nbconvert, which the kernel tests drive the kernel with. "
            + "Run .ci/run, or: apt-get install -y python3-jupyter-client python3-nbclient jupyter-nbconvert");
    }

    private static bool CanImportJupyter()
    {
        var missing = !File.Exists(Python);
        if (!missing)
        {
            using var probe = Process.Start(new ProcessStartInfo(Python, ["-c", "import jupyter_client, nbclient, nbconvert"]) { RedirectStandardError = true })!;
            probe.WaitForExit();
            missing = probe.ExitCode != 0;
        }
        return !missing;
    }

    private CourseCli.Result RunPython(TempFolder folder, TimeSpan timeout, params string[] args) => RunProcess(folder, timeout, Python, args);

    private CourseCli.Result RunProcess(TempFolder folder, TimeSpan timeout, string file, string[] args, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(file, args) { WorkingDirectory = folder.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["JUPYTER_PATH"] = Path.Combine(folder.Path, "share", "jupyter");
        start.Environment["JUPYTER_RUNTIME_DIR"] = Path.Combine(folder.Path, "runtime");
        start.Environment["PYTHONUNBUFFERED"] = "1";
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"{Path.GetFileName(file)} {string.Join(' ', args)} did not finish in {timeout.TotalSeconds} s:\n{stdout.Result}\n{stderr.Result}");
        }
        output.WriteLine(stdout.Result);
        output.WriteLine(stderr.Result);
        return new CourseCli.Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
