namespace Course.Notebooks.Grading;

/// <summary>What one submission may use while it is graded.</summary>
/// <param name="CellTimeout">Time for each cell (the first cell of a fresh worker gets 30 s more for start-up).</param>
/// <param name="SubmissionBudget">Time for the whole submission, all cells and tests together.</param>
/// <param name="MemoryBytes">Memory of the worker process, managed and native together.</param>
/// <param name="DiskBytes">Size of the worker's working folder and temp space (each a size-capped tmpfs), and of any one file.</param>
/// <param name="Processes">Processes and threads of the worker.</param>
/// <param name="OutputBytes">Text each cell may print; the rest is dropped (the grader never shows it).</param>
/// <param name="AllowUnsandboxed">Grade without bubblewrap (<c>--unsafe-no-sandbox</c>): only for code you trust.</param>
/// <param name="Threads">libtorch threads of each worker (<c>COURSE_THREADS</c>); null: the grader's own <c>COURSE_THREADS</c>, if set.</param>
public sealed record GradingLimits(
    TimeSpan CellTimeout,
    TimeSpan SubmissionBudget,
    long MemoryBytes = 6L << 30,
    long DiskBytes = 256L << 20,
    int Processes = 512,
    int OutputBytes = 1 << 20,
    bool AllowUnsandboxed = false,
    int? Threads = null)
{
    /// <summary>The defaults of <c>course grade</c>: 60 s per cell, 20 minutes per submission.</summary>
    public static GradingLimits Default => new(TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(20));

    /// <summary>
    /// libtorch threads for each of <paramref name="jobs"/> workers running at once: the cores shared out, at least one
    /// (<c>max(1, cores / jobs)</c>), so parallel workers do not oversubscribe the machine. A <c>COURSE_THREADS</c> the
    /// grader was started with wins.
    /// </summary>
    public static int ThreadsPerWorker(int jobs) =>
        ThreadsPerWorker(jobs, Environment.ProcessorCount, Environment.GetEnvironmentVariable(Course.Native.ThreadCount.Variable));

    /// <summary><see cref="ThreadsPerWorker(int)"/> for <paramref name="cores"/> and a given <c>COURSE_THREADS</c> (null: unset).</summary>
    internal static int ThreadsPerWorker(int jobs, int cores, string? courseThreads) =>
        Course.Native.ThreadCount.Parse(courseThreads ?? "") ?? Math.Max(1, cores / Math.Max(1, jobs));

    /// <summary>The limits as environment variables for the worker (it applies them to itself).</summary>
    public IEnumerable<(string Name, string Value)> ToEnvironment() =>
    [
        ("COURSE_GRADE_MEMORY", MemoryBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("COURSE_GRADE_DISK", DiskBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("COURSE_GRADE_PROCESSES", Processes.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("COURSE_GRADE_OUTPUT", OutputBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    /// <summary>Read the limits the grader passed (defaults for what is missing).</summary>
    public static GradingLimits FromEnvironment()
    {
        long Read(string name, long fallback) => long.TryParse(Environment.GetEnvironmentVariable(name), out var v) ? v : fallback;
        var d = Default;
        return d with
        {
            MemoryBytes = Read("COURSE_GRADE_MEMORY", d.MemoryBytes), DiskBytes = Read("COURSE_GRADE_DISK", d.DiskBytes),
            Processes = (int)Read("COURSE_GRADE_PROCESSES", d.Processes), OutputBytes = (int)Read("COURSE_GRADE_OUTPUT", d.OutputBytes),
        };
    }
}
