using System.Globalization;

namespace Course.Notebooks.Grading;

/// <summary>Measures a process and everything it started (a sandboxed worker: the pids-cgroup shell, bubblewrap, .NET) from <c>/proc</c>.</summary>
/// <remarks>
/// Each <see cref="Sample"/> walks <c>/proc</c> for the tree below the root, sums the processes' peak resident memory
/// (<c>VmHWM</c>, a high-water mark, so nothing between samples is missed while a process lives) and keeps each one's
/// CPU time (<c>utime + stime</c>; the children's fields are left out, which would count a reaped child twice). Sample
/// while the tree is still alive: after each cell and before the worker is ended. Off Linux it measures nothing.
/// </remarks>
internal sealed class ProcessTreeMeter(int rootPid)
{
    /// <summary>Clock ticks per second of <c>/proc/*/stat</c> (<c>USER_HZ</c>, 100 on every Linux ABI).</summary>
    private const double TicksPerSecond = 100;

    private readonly Dictionary<int, long> cpuTicks = [];
    private long peakBytes;

    /// <summary>What the tree has used so far.</summary>
    public ResourceUsage Usage
    {
        get
        {
            lock (cpuTicks) return new ResourceUsage(peakBytes, TimeSpan.FromSeconds(cpuTicks.Values.Sum() / TicksPerSecond));
        }
    }

    /// <summary>Read the tree's memory and CPU now.</summary>
    public void Sample()
    {
        if (!OperatingSystem.IsLinux()) return;
        var tree = Tree();
        long memory = 0;
        lock (cpuTicks)
        {
            foreach (var (pid, ticks) in tree)
            {
                memory += PeakResidentBytes(pid);
                cpuTicks[pid] = Math.Max(ticks, cpuTicks.GetValueOrDefault(pid));
            }
            peakBytes = Math.Max(peakBytes, memory);
        }
    }

    /// <summary>The root and its descendants, each with its CPU ticks so far.</summary>
    private List<(int Pid, long Ticks)> Tree()
    {
        var stats = new Dictionary<int, (int Parent, long Ticks)>();
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(entry), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Stat(pid) is { } stat)
                stats[pid] = stat;
        var tree = new List<(int, long)>();
        if (!stats.TryGetValue(rootPid, out var root)) return tree;
        var children = stats.ToLookup(s => s.Value.Parent, s => s.Key);
        var pending = new Stack<int>([rootPid]);
        while (pending.TryPop(out var pid))
        {
            tree.Add((pid, stats[pid].Ticks));
            foreach (var child in children[pid]) pending.Push(child);
        }
        return tree;
    }

    /// <summary>Parent and <c>utime + stime</c> from <c>/proc/PID/stat</c>; null when the process is gone.</summary>
    private static (int Parent, long Ticks)? Stat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        // "pid (comm) state ppid … utime stime …": comm may hold spaces and parentheses, so read after the last ')'.
        var fields = text[(text.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 13) return null;
        return (int.Parse(fields[1], CultureInfo.InvariantCulture),
                long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
    }

    /// <summary><c>VmHWM</c> of <c>/proc/PID/status</c> in bytes; 0 when the process is gone or has no memory of its own.</summary>
    private static long PeakResidentBytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return 0;
    }
}
