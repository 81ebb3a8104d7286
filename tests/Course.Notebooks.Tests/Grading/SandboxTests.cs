using System.Diagnostics;
using Course.Notebooks.Grading;
using Course.Notebooks.Tests.Support;

namespace Course.Notebooks.Tests.Grading;

/// <summary>The grade worker's sandbox, tried with a shell in place of the worker (bubblewrap required: `.ci/run` installs it).</summary>
public class SandboxTests
{
    private static (int ExitCode, string Out) RunConfined(string script, TempFolder folder, GradingLimits? limits = null)
    {
        Bubblewrap.Ensure();
        Assert.True(Sandbox.Available, "/usr/bin/bwrap is installed but cannot confine a process here (are user namespaces allowed?)");
        var inner = new ProcessStartInfo("/bin/sh");
        inner.ArgumentList.Add("-c");
        inner.ArgumentList.Add(script);
        var (start, _, cgroup) = Sandbox.Wrap(inner, limits ?? GradingLimits.Default, folder.Path, []);
        using var group = cgroup;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(30_000), "the confined shell did not finish");
        return (process.ExitCode, output.Result);
    }

    [SkippableFact]
    public void TheWorkerSeesNeitherTheInstructorsFilesNorTheNetworkNorTheEnvironment()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("key.ipynb"), "BEGIN SOLUTION");
        Environment.SetEnvironmentVariable("COURSE_SECRET_FOR_TEST", "hunter2");
        var (_, output) = RunConfined(
            $"ls /root /home {folder.Path} 2>&1; cat {folder.File("key.ipynb")} 2>&1; env; cat /proc/net/dev; pwd; touch /usr/x 2>&1 || echo read-only", folder);
        Assert.DoesNotContain("BEGIN SOLUTION", output);
        Assert.DoesNotContain("hunter2", output);
        Assert.DoesNotContain("eth0", output);
        Assert.Contains(Sandbox.WorkFolder, output);
        Assert.Contains("read-only", output);
    }

    [SkippableFact]
    public void NothingTheWorkerStartsOutlivesIt()
    {
        using var folder = new TempFolder();
        var marker = Random.Shared.Next(100_000, 999_999);
        RunConfined($"setsid -f sleep {marker}; nohup sleep {marker} >/dev/null 2>&1 & echo started", folder);
        Thread.Sleep(500);
        Assert.DoesNotContain(Directory.GetDirectories("/proc"), d => Read($"{d}/cmdline").Contains(marker.ToString()));
    }

    [SkippableFact]
    public void TheWorkingFolderIsSizeCapped()
    {
        using var folder = new TempFolder();
        var (_, output) = RunConfined($"head -c {GradingLimits.Default.DiskBytes + (1 << 20)} /dev/zero > big 2>/dev/null || echo full; ls -l big", folder);
        Assert.Contains("full", output);
    }

    [SkippableFact]
    public void AForkBombStopsAtTheProcessCap()
    {
        using var folder = new TempFolder();
        var (_, output) = RunConfined("for i in $(seq 200); do sleep 5 & done; echo all 200 started", folder, GradingLimits.Default with { Processes = 40 });
        Assert.DoesNotContain("all 200 started", output);   // the shell's fork fails at the cap (without one it prints the line)
    }

    private static string Read(string path)
    {
        try { return File.ReadAllText(path); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return ""; }
    }
}
