using Course.Notebooks.Kernel;
using Course.Notebooks.Tests.Support;

namespace Course.Notebooks.Tests.Kernel;

/// <summary><c>course kernel install --sys-prefix</c>: the sys.prefix of the Python named by the <c>jupyter</c> on PATH.</summary>
public class JupyterPrefixTests
{
    [Theory]
    [InlineData("#!{python}")]
    [InlineData("#!/usr/bin/env python3")]
    public void FindsThePrefixOfThePythonThatRunsJupyter(string shebang)
    {
        using var folder = new TempFolder();
        var python = FakePython(folder, "/opt/some-env");
        Script(folder, "jupyter", shebang.Replace("{python}", python) + "\nprint('jupyter')\n");
        Assert.Equal("/opt/some-env", JupyterPrefix.Find(folder.Path));
    }

    [Fact]
    public void NoJupyterOnPathIsOneLineNamingTheFix()
    {
        using var folder = new TempFolder();
        var error = Assert.Throws<KernelException>(() => JupyterPrefix.Find(folder.Path));
        Assert.Equal("--sys-prefix: no `jupyter` command on PATH; install Jupyter (or activate its environment), or give --prefix DIR.", error.Message);
    }

    [Fact]
    public void AJupyterThatIsNotAScriptIsRefusedByName()
    {
        using var folder = new TempFolder();
        var jupyter = Script(folder, "jupyter", "\x7fELF binary");
        var error = Assert.Throws<KernelException>(() => JupyterPrefix.Find(folder.Path));
        Assert.Equal($"--sys-prefix: {jupyter} is not a Python script (no #! line), so its Python is unknown; give --prefix DIR.", error.Message);
    }

    [Fact]
    public void InstallWithSysPrefixAndPrefixTogetherIsRefused()
    {
        using var folder = new TempFolder();
        var result = CourseCli.Run(folder.Path, "kernel", "install", "--sys-prefix", "--prefix", folder.Path);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("course kernel: --prefix, --user and --sys-prefix exclude each other; pick one.", result.Error.Trim());
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Path));
    }

    /// <summary>A "python3" on the folder (the PATH of the test) that prints <paramref name="prefix"/> as its sys.prefix.</summary>
    private static string FakePython(TempFolder folder, string prefix) => Script(folder, "python3", $"#!/bin/sh\necho {prefix}\n");

    private static string Script(TempFolder folder, string name, string text)
    {
        var file = folder.File(name);
        File.WriteAllText(file, text);
        File.SetUnixFileMode(file, (UnixFileMode)0b111_101_101);
        return file;
    }
}
