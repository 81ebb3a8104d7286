using System.Diagnostics;

namespace Course.Notebooks.Tests.Support;

/// <summary>A program from a Debian package that some tests need. Tests never install it: <c>.ci/run</c> does, as root.</summary>
/// <remarks>
/// When the program is missing, <see cref="Require()"/> fails the test on CI (the <c>CI</c> environment variable is set), where a
/// missing package is a broken machine, and skips it elsewhere, so <c>dotnet test</c> on a bare machine still runs everything else.
/// Either way the one-line reason names the package to install. Tests that call it are <c>[SkippableFact]</c>/<c>[SkippableTheory]</c>.
/// </remarks>
/// <param name="path">The program, e.g. <c>/usr/bin/bwrap</c>.</param>
/// <param name="packages">The apt package(s) that provide it, space-separated.</param>
/// <param name="probe">When given, arguments the program must run with and exit 0 (e.g. Python importing modules).</param>
public sealed class DebianTool(string path, string packages, params string[] probe)
{
    private readonly Lazy<bool> present = new(() => File.Exists(path) && (probe.Length == 0 || Runs(path, probe)));

    /// <summary>Bubblewrap, which <c>course grade</c> confines students' code with.</summary>
    public static readonly DebianTool Bubblewrap = new("/usr/bin/bwrap", "bubblewrap");

    /// <summary>Debian's Chromium, which the web-book tests open pages in (through PuppeteerSharp; no browser is downloaded).</summary>
    public static readonly DebianTool Chromium = new("/usr/bin/chromium", "chromium");

    /// <summary>Python with Jupyter's client, nbclient and nbconvert, which drive <c>course kernel</c> as a real front end would.</summary>
    public static readonly DebianTool Jupyter = new("/usr/bin/python3", "python3-jupyter-client python3-nbclient jupyter-nbconvert",
        "-c", "import jupyter_client, nbclient, nbconvert");

    /// <summary>Jupyter's own kernel test suite (<c>jupyter_kernel_test</c>), which checks <c>course kernel</c> message by message.</summary>
    public static readonly DebianTool JupyterKernelTest = new("/usr/bin/python3", "python3-jupyter-kernel-test", "-c", "import jupyter_kernel_test");

    /// <summary>Debian's JupyterHub 3.0 with the classic notebook server (its single-user server) and the proxy in front of both.</summary>
    public static readonly DebianTool JupyterHub = new("/usr/bin/python3", "jupyterhub jupyter-notebook node-configurable-http-proxy",
        "-c", "import jupyterhub, notebook, os, sys; sys.exit(0 if os.access('/usr/bin/configurable-http-proxy', os.X_OK) else 1)");

    /// <summary>The apt package(s) that provide it, space-separated.</summary>
    public string Packages => packages;

    /// <summary>The program's path.</summary>
    public string Path => path;

    /// <summary>Whether the program is there (and passes its probe); checked once per test run.</summary>
    public bool IsPresent => present.Value;

    /// <summary>Why a test cannot run without it, on one line.</summary>
    public string Reason => probe.Length == 0
        ? $"{path} is missing: apt-get install -y {packages} (as root; .ci/run does)"
        : $"{path} {string.Join(' ', probe)} failed: apt-get install -y {packages} (as root; .ci/run does)";

    /// <summary>Return when the program is present; otherwise fail the test on CI and skip it elsewhere.</summary>
    public void Require() => Require(Environment.GetEnvironmentVariable("CI"));

    /// <summary><see cref="Require()"/> with the value of <c>CI</c> given, so the decision can be tested.</summary>
    public void Require(string? ci)
    {
        if (IsPresent) return;
        Skip.If(string.IsNullOrEmpty(ci), Reason);   // a bare machine: the rest of the suite still runs
        Assert.Fail(Reason);                         // CI: .ci/run should have installed it
    }

    private static bool Runs(string file, string[] args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (process.WaitForExit(TimeSpan.FromSeconds(60))) return process.ExitCode == 0;
            process.Kill(entireProcessTree: true);
            return false;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
