using System.Diagnostics;

namespace Course.Notebooks.Grading;

/// <summary>Confines the grade worker: no network, writes only to its folder, a memory cap.</summary>
/// <remarks>
/// Uses Debian's <c>bubblewrap</c> when it is installed and works here (user namespaces); otherwise
/// the worker runs unconfined and the report says so. The managed heap is capped either way.
/// </remarks>
public static class Sandbox
{
    /// <summary>Cap on the worker's managed heap.</summary>
    public const long HeapLimitBytes = 2L << 30;

    private static readonly Lazy<bool> available = new(() =>
    {
        if (!File.Exists("/usr/bin/bwrap")) return false;
        try
        {
            using var probe = Process.Start(new ProcessStartInfo("/usr/bin/bwrap", ["--ro-bind", "/", "/", "--dev", "/dev", "--unshare-net", "true"])
            {
                RedirectStandardError = true, RedirectStandardOutput = true,
            })!;
            return probe.WaitForExit(10_000) && probe.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    /// <summary>Wrap <paramref name="inner"/> so it runs confined to <paramref name="workDir"/>; returns a description for the report.</summary>
    public static (ProcessStartInfo Start, string Description) Wrap(ProcessStartInfo inner, string workDir)
    {
        inner.Environment["DOTNET_GCHeapHardLimit"] = "0x" + HeapLimitBytes.ToString("x");
        inner.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        inner.WorkingDirectory = workDir;
        if (!available.Value)
            return (inner, "not isolated: bubblewrap is not available here (apt-get install bubblewrap); the student's code ran with network and file access, managed heap capped at 2 GB");

        var wrapped = new ProcessStartInfo("/usr/bin/bwrap") { WorkingDirectory = workDir };
        foreach (var arg in new[]
                 {
                     "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp",
                     "--bind", workDir, workDir, "--unshare-net", "--unshare-pid", "--die-with-parent", "--chdir", workDir,
                     "--setenv", "TMPDIR", workDir, "--setenv", "HOME", workDir, inner.FileName,
                 })
            wrapped.ArgumentList.Add(arg);
        foreach (var arg in inner.ArgumentList) wrapped.ArgumentList.Add(arg);
        foreach (var (key, value) in inner.Environment) wrapped.Environment[key] = value;
        return (wrapped, "isolated with bubblewrap: no network, read-only file system except its own temp folder, managed heap capped at 2 GB");
    }
}
