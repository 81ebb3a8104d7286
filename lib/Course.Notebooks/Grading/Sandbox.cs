using System.Diagnostics;

namespace Course.Notebooks.Grading;

/// <summary>Confines a grade worker with bubblewrap so that it sees only what it needs.</summary>
/// <remarks>
/// The worker gets a new, empty root: the system's <c>/usr</c> (the .NET runtime and libraries) read-only, the course's
/// binaries, the dataset and the patched TorchSharp library read-only, a fresh <c>/proc</c> and <c>/dev</c>, and two
/// size-capped tmpfs folders, its working folder and <c>/tmp</c>. Not <c>/root</c>, <c>/home</c>, the key, other
/// submissions or the gradebook. All namespaces are unshared (no network, its own process tree: when the worker ends,
/// everything it started ends with it), capabilities are dropped, the environment is cleared and the worker starts a
/// new session (no terminal to type into). Without bubblewrap grading refuses to run unless the instructor allows
/// it (<c>--unsafe-no-sandbox</c>), and the report says so.
/// </remarks>
public static class Sandbox
{
    /// <summary>Where the worker's working folder is inside the sandbox.</summary>
    public const string WorkFolder = "/grade";

    /// <summary>Cap on the worker's managed heap.</summary>
    public const long HeapLimitBytes = 2L << 30;

    private const string Bwrap = "/usr/bin/bwrap";

    private static readonly Lazy<bool> available = new(() =>
    {
        if (!File.Exists(Bwrap)) return false;
        try
        {
            using var probe = Process.Start(new ProcessStartInfo(Bwrap, ["--ro-bind", "/usr", "/usr", "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
                "--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL", "/usr/bin/true"])
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

    /// <summary>True when bubblewrap works here.</summary>
    public static bool Available => available.Value;

    /// <summary>Wrap <paramref name="inner"/> so it runs confined; <paramref name="files"/> (host paths) appear read-only in its working folder.</summary>
    /// <exception cref="SandboxUnavailableException">Bubblewrap is missing and <see cref="GradingLimits.AllowUnsandboxed"/> is false.</exception>
    /// <remarks>When a pids cgroup can be made (<see cref="PidsCgroup"/>), it is returned too: dispose it after the worker ends.</remarks>
    public static (ProcessStartInfo Start, string Description, IDisposable? Cgroup) Wrap(ProcessStartInfo inner, GradingLimits limits, string hostWorkDir, IEnumerable<string> files)
    {
        var environment = Environment(limits);
        if (!Available)
        {
            if (!limits.AllowUnsandboxed)
                throw new SandboxUnavailableException("grading runs students' code only inside bubblewrap, which is not available here: apt-get install bubblewrap (or pass --unsafe-no-sandbox to grade code you trust)");
            foreach (var file in files) File.Copy(file, Path.Combine(hostWorkDir, Path.GetFileName(file)), overwrite: true);
            inner.WorkingDirectory = hostWorkDir;
            foreach (var (name, value) in environment) inner.Environment[name] = value;
            inner.Environment["HOME"] = hostWorkDir;
            return (inner, "NOT ISOLATED (--unsafe-no-sandbox): the student's code ran with this user's network and file access; only the time, memory and output limits applied", null);
        }

        var start = new ProcessStartInfo(Bwrap) { WorkingDirectory = "/" };
        var args = new List<string>
        {
            "--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL", "--clearenv",
            "--ro-bind", "/usr", "/usr", "--proc", "/proc", "--dev", "/dev",
            "--size", limits.DiskBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), "--tmpfs", "/tmp",
            "--size", limits.DiskBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), "--tmpfs", WorkFolder,
        };
        foreach (var top in new[] { "lib", "lib64", "lib32", "bin", "sbin" })
        {
            var host = "/" + top;
            if (new FileInfo(host).LinkTarget is { } target) args.AddRange(["--symlink", target, host]);
            else if (Directory.Exists(host)) args.AddRange(["--ro-bind", host, host]);
        }
        foreach (var etc in new[] { "/etc/ld.so.cache", "/etc/localtime", "/etc/alternatives" })
            args.AddRange(["--ro-bind-try", etc, etc]);
        foreach (var folder in ReadOnlyFolders(inner.FileName)) args.AddRange(["--ro-bind", folder, folder]);
        foreach (var file in files) args.AddRange(["--ro-bind", file, $"{WorkFolder}/{Path.GetFileName(file)}"]);
        foreach (var (name, value) in environment.Append(("HOME", WorkFolder))) args.AddRange(["--setenv", name, value]);
        args.AddRange(["--chdir", WorkFolder, inner.FileName, .. inner.ArgumentList]);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        var cgroup = PidsCgroup.TryCreate(limits.Processes);
        return (cgroup?.Wrap(start) ?? start, "isolated with bubblewrap: no network, only the course's files visible (read-only), its own size-capped folders, "
                       + $"{limits.MemoryBytes >> 30} GB of memory, {limits.Processes} processes and threads", cgroup);
    }

    /// <summary>The clean environment the worker starts with.</summary>
    private static List<(string, string)> Environment(GradingLimits limits)
    {
        var environment = new List<(string, string)>
        {
            ("PATH", "/usr/local/bin:/usr/bin:/bin"), ("LANG", "C.UTF-8"), ("TMPDIR", "/tmp"),
            ("DOTNET_GCHeapHardLimit", "0x" + HeapLimitBytes.ToString("x")), ("DOTNET_CLI_TELEMETRY_OPTOUT", "1"), ("DOTNET_NOLOGO", "1"),
        };
        environment.AddRange(limits.ToEnvironment());
        if (DotnetRoot() is { } root) environment.Add(("DOTNET_ROOT", root));
        if (Dataset() is { } data) environment.Add(("COURSE_DATA", data));
        if (NativeCache() is { } cache) environment.Add(("XDG_CACHE_HOME", Path.GetDirectoryName(Path.GetDirectoryName(cache))!));
        foreach (var name in new[] { "COURSE_NATIVE_PATCH", "DNNL_MAX_CPU_ISA", "OMP_NUM_THREADS", Course.Native.ThreadCount.Variable })
            if (System.Environment.GetEnvironmentVariable(name) is { } value && !(name == Course.Native.ThreadCount.Variable && limits.Threads is not null))
                environment.Add((name, value));
        if (limits.Threads is { } threads) environment.Add((Course.Native.ThreadCount.Variable, threads.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return environment;
    }

    /// <summary>The course's binaries, the .NET runtime (when it is not under /usr), the dataset and the patched native library.</summary>
    private static IEnumerable<string> ReadOnlyFolders(string program) =>
        new[] { Path.GetDirectoryName(Path.GetFullPath(AppContext.BaseDirectory)), DotnetRoot(), Dataset(), NativeCache(), Path.GetDirectoryName(program) }
            .OfType<string>()
            .Where(Directory.Exists)
            .Where(d => !d.StartsWith("/usr/", StringComparison.Ordinal) && d != "/usr" && d is not ("/bin" or "/" or "/lib"))
            .Distinct(StringComparer.Ordinal);

    private static string? DotnetRoot()
    {
        var host = System.Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "/usr/bin/dotnet";
        if (!File.Exists(host)) return null;
        var real = new FileInfo(host).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? host;
        return Path.GetDirectoryName(real);
    }

    private static string? Dataset()
    {
        try
        {
            return Path.GetFullPath(Course.Data.Mnist.DefaultDirectory);
        }
        catch (Course.Data.DatasetException)
        {
            return null;
        }
    }

    /// <summary>The folder holding the patched TorchSharp library (made by loading TorchSharp once here), if it is <c>…/course/native</c>.</summary>
    private static string? NativeCache()
    {
        Course.Native.TorchNative.EnsureLoaded();
        return Course.Native.PatchCache.DefaultRoots().FirstOrDefault(r => Directory.Exists(r) && Directory.EnumerateFileSystemEntries(r).Any()
                                                                        && r.EndsWith("/course/native", StringComparison.Ordinal));
    }
}
