using System.Runtime.InteropServices;

namespace Course.Notebooks.Grading;

/// <summary>Limits a grade worker sets on itself before any student code runs; the student's code cannot raise them.</summary>
/// <remarks>
/// POSIX resource limits, hard and soft alike: memory (<c>RLIMIT_DATA</c>: the managed heap and native allocations
/// such as libtorch's tensors), size of any file written, open files, processes and threads (<c>RLIMIT_NPROC</c>;
/// the kernel does not apply it to root, so the grader also puts the worker in a pids cgroup when it can), and no
/// core dumps. A student's allocation past the cap fails inside their cell as an out-of-memory error.
/// </remarks>
internal static partial class ResourceLimits
{
    private const int Data = 2, FileSize = 1, Core = 4, Processes = 6, OpenFiles = 7;

    /// <summary>Apply the limits to this process (Linux; elsewhere nothing happens).</summary>
    public static void Apply(GradingLimits limits)
    {
        if (!OperatingSystem.IsLinux()) return;
        Set(Data, (ulong)limits.MemoryBytes);
        Set(FileSize, (ulong)limits.DiskBytes);
        Set(Core, 0);
        Set(OpenFiles, 1024);
        Set(Processes, (ulong)limits.Processes);
    }

    private static void Set(int resource, ulong value)
    {
        var limit = new Limit { Current = value, Maximum = value };
        if (SetLimit(resource, ref limit) != 0)
            throw new IOException($"the grade worker could not limit resource {resource} (errno {Marshal.GetLastPInvokeError()})");
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Limit
    {
        public ulong Current;
        public ulong Maximum;
    }

    [LibraryImport("libc", EntryPoint = "setrlimit", SetLastError = true)]
    private static partial int SetLimit(int resource, ref Limit limit);
}
