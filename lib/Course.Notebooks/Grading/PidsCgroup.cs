using System.Diagnostics;

namespace Course.Notebooks.Grading;

/// <summary>A pids cgroup (v1) that caps the processes and threads of one grade worker and everything it starts.</summary>
/// <remarks>
/// The kernel does not apply <c>RLIMIT_NPROC</c> to root, not even inside bubblewrap's user namespace, so when the
/// grader runs as root (CI, a container) a fork bomb would go unchecked. Where the pids controller is mounted and
/// writable, the worker starts inside a fresh child cgroup with <c>pids.max</c> set; the folder is removed when the
/// worker has ended. Elsewhere (<see cref="TryCreate"/> returns null) <c>RLIMIT_NPROC</c> is the cap, which the kernel
/// does apply to other users.
/// </remarks>
internal sealed class PidsCgroup : IDisposable
{
    private readonly string folder;

    private PidsCgroup(string folder) => this.folder = folder;

    /// <summary>A new cgroup capped at <paramref name="maxTasks"/> tasks, or null when cgroups cannot be used here.</summary>
    public static PidsCgroup? TryCreate(int maxTasks)
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root") return null;
        try
        {
            var own = File.ReadLines("/proc/self/cgroup").Select(l => l.Split(':', 3))
                .FirstOrDefault(p => p.Length == 3 && p[1].Split(',').Contains("pids"))?[2];
            if (own is null || !Directory.Exists("/sys/fs/cgroup/pids")) return null;
            var folder = Path.Combine("/sys/fs/cgroup/pids" + own.TrimEnd('/'), "course-grade-" + Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "pids.max"), maxTasks.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return new PidsCgroup(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Start <paramref name="inner"/> inside the cgroup (a shell joins it, then becomes the program).</summary>
    public ProcessStartInfo Wrap(ProcessStartInfo inner)
    {
        var start = new ProcessStartInfo("/bin/sh") { WorkingDirectory = inner.WorkingDirectory };
        foreach (var arg in new[] { "-c", "echo $$ > \"$0/cgroup.procs\" && exec \"$@\"", folder, inner.FileName }.Concat(inner.ArgumentList))
            start.ArgumentList.Add(arg);
        foreach (var (name, value) in inner.Environment) start.Environment[name] = value;
        return start;
    }

    /// <summary>Remove the cgroup once its processes are gone (killing any that are left).</summary>
    public void Dispose()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            try
            {
                foreach (var pid in File.ReadAllLines(Path.Combine(folder, "cgroup.procs")).Where(l => l.Length > 0))
                    try { Process.GetProcessById(int.Parse(pid, System.Globalization.CultureInfo.InvariantCulture)).Kill(); } catch (ArgumentException) { } catch (InvalidOperationException) { }
                Directory.Delete(folder);
                return;
            }
            catch (IOException)
            {
                Thread.Sleep(50);
            }
        }
    }
}
