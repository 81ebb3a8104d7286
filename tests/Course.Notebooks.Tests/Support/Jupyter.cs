using System.Diagnostics;

namespace Course.Notebooks.Tests.Support;

/// <summary>Debian's real Jupyter (jupyter_client, nbclient, nbconvert) driving the course kernel in a temp prefix.</summary>
public static class Jupyter
{
    public const string Python = "/usr/bin/python3";
    public const string KernelName = "course-test";

    /// <summary>Install the kernelspec into <paramref name="folder"/>; first requires Jupyter (<see cref="DebianTool.Jupyter"/>: fails on CI, skips elsewhere).</summary>
    public static void InstallKernel(TempFolder folder) => InstallKernel(folder, KernelName);

    /// <summary>Install the kernelspec as <paramref name="name"/> into <paramref name="folder"/>; first requires Jupyter.</summary>
    public static void InstallKernel(TempFolder folder, string name)
    {
        DebianTool.Jupyter.Require();
        var install = CourseCli.Run(folder.Path, "kernel", "install", "--name", name, "--prefix", folder.Path);
        Assert.True(install.ExitCode == 0, install.Error);
    }

    /// <summary>Run <paramref name="file"/> with Jupyter's paths inside <paramref name="folder"/>; fails the test on timeout.</summary>
    public static CourseCli.Result Run(TempFolder folder, TimeSpan timeout, string file, string[] args, params (string Name, string Value)[] environment)
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
        return new CourseCli.Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary><c>jupyter nbconvert --execute</c> of <paramref name="notebook"/> with the course kernel into <paramref name="outputDir"/>.</summary>
    public static CourseCli.Result Nbconvert(TempFolder folder, string notebook, string outputDir, TimeSpan timeout, params (string Name, string Value)[] environment) =>
        Nbconvert(folder, [notebook], outputDir, timeout, environment);

    /// <summary>One <c>jupyter nbconvert --execute</c> of several <paramref name="notebooks"/> (a kernel each, one Python): cheaper than one call per notebook.</summary>
    public static CourseCli.Result Nbconvert(TempFolder folder, string[] notebooks, string outputDir, TimeSpan timeout, params (string Name, string Value)[] environment) =>
        Run(folder, timeout, "/usr/bin/jupyter", ["nbconvert", "--to", "notebook", "--execute",
            $"--ExecutePreprocessor.kernel_name={KernelName}", $"--ExecutePreprocessor.timeout={(int)timeout.TotalSeconds}",
            "--output-dir", outputDir, .. notebooks], environment);
}
