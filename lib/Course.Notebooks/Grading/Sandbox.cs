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

    /// <summary>
    /// Folders under /tmp the worker must still see (read-only) although the sandbox gives it an empty /tmp: the
    /// program itself, the data and the folder grading was started from, when a checkout lives in /tmp.
    /// </summary>
    private static IEnumerable<string> VisibleUnderTmp() =>
        new[] { AppContext.BaseDirectory, Environment.GetEnvironmentVariable("COURSE_DATA"), Environment.CurrentDirectory }
            .OfType<string>()
            .Select(Path.GetFullPath)
            .Where(p => p.StartsWith("/tmp/", StringComparison.Ordinal))
            .Select(p => "/tmp/" + p["/tmp/".Length..].Split('/')[0])
            .Where(Directory.Exists)
            .Distinct(StringComparer.Ordinal);

    /// <summary>Wrap <paramref name="inner"/> so it runs confined to <paramref name="workDir"/>; returns a description for the report.</summary>
    public static (ProcessStartInfo Start, string Description) Wrap(ProcessStartInfo inner, string workDir)
    {
        inner.Environment["DOTNET_GCHeapHardLimit"] = "0x" + HeapLimitBytes.ToString("x");
        inner.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        inner.WorkingDirectory = workDir;
        if (!available.Value)
            return (inner, "not isolated: bubblewrap is not available here (apt-get install bubblewrap); the student's code ran with network and file access, managed heap capped at 2 GB");

        var wrapped = new ProcessStartInfo("/usr/bin/bwrap") { WorkingDirectory = workDir };
        string[] confine =
        [
            "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp",
            .. VisibleUnderTmp().SelectMany(d => new[] { "--ro-bind", d, d }),
            "--bind", workDir, workDir, "--unshare-net", "--unshare-pid", "--die-with-parent", "--chdir", workDir,
            "--setenv", "TMPDIR", workDir, "--setenv", "HOME", workDir, inner.FileName,
        ];
        foreach (var arg in confine)
            wrapped.ArgumentList.Add(arg);
        foreach (var arg in inner.ArgumentList) wrapped.ArgumentList.Add(arg);
        foreach (var (key, value) in inner.Environment) wrapped.Environment[key] = value;
        return (wrapped, "isolated with bubblewrap: no network, read-only file system except its own temp folder, managed heap capped at 2 GB");
    }
}
