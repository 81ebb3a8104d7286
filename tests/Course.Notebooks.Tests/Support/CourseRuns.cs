using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Course.Notebooks.Document;
using Course.Notebooks.Running;
using Course.Notebooks.Targets;

namespace Course.Notebooks.Tests.Support;

/// <summary>
/// One <c>course run</c> per course notebook and parameter set per test process, shared by the tests that compare
/// against it (end to end, the kernel front end), so the suite executes each notebook once per set, not once per test.
/// </summary>
/// <remarks>
/// Each run is the real command in a process of its own, as a user runs it, and its results are read back from what it
/// wrote (the executed notebook, <c>metrics.json</c>, <c>targets.json</c>). A process each lets runs proceed side by
/// side on both cores: in one process two course notebooks at once would draw from the same torch generator (their
/// figures depend on their seeds alone) and have failed inside libtorch ("Unknown scalar type" in 09's k-means cell: a
/// TorchSharp <c>Scalar</c> finalized during a native call while the other notebook's trainer collected).
/// </remarks>
public static class CourseRuns
{
    private static readonly string root = Path.Combine(Path.GetTempPath(), "course-runs-" + Guid.NewGuid().ToString("N")[..8]);
    private static readonly ConcurrentDictionary<string, Lazy<Task<NotebookRun>>> runs = new(StringComparer.Ordinal);

    static CourseRuns() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        try { Directory.Delete(root, recursive: true); } catch (IOException) { }
    };

    /// <summary>The run of <c>notebooks/&lt;stem&gt;.ipynb</c> with <paramref name="parameters"/>, judged by its test targets.</summary>
    public static Task<NotebookRun> Get(string source, IReadOnlyDictionary<string, string> parameters) =>
        runs.GetOrAdd(Key(source, parameters), key => new Lazy<Task<NotebookRun>>(() => Task.Run(() => Run(source, parameters, Folder(key))))).Value;

    /// <summary>Where the executed copy of <paramref name="source"/> run with <paramref name="parameters"/> was written.</summary>
    public static string Executed(string source, IReadOnlyDictionary<string, string> parameters) =>
        Path.Combine(Folder(Key(source, parameters)), Path.GetFileName(source));

    private static NotebookRun Run(string source, IReadOnlyDictionary<string, string> parameters, string folder)
    {
        Directory.CreateDirectory(folder);
        var clock = Stopwatch.StartNew();
        var result = CourseCli.Run(TimeSpan.FromMinutes(10), folder,
            ["run", source, "--out", folder, "--targets", "test", .. parameters.SelectMany(p => new[] { "-p", $"{p.Key}={p.Value}" })]);
        var stem = Path.GetFileNameWithoutExtension(source);
        var executedPath = Path.Combine(folder, stem + ".ipynb");
        if (!File.Exists(executedPath))
            return new NotebookRun(source, stem, null, $"course run wrote no {stem}.ipynb (exit {result.ExitCode}): {result.Error}{result.Out}", 0, 0, clock.Elapsed, new Dictionary<string, double>(), []);

        var executed = NotebookDocument.Load(executedPath);
        var code = executed.Cells.Where(c => c.Type == CellType.Code && !c.HasTag("injected-parameters")).ToList();
        var error = code.SelectMany(c => c.Outputs).OfType<ErrorOutput>().Select(e => $"{e.EName}: {e.EValue}").FirstOrDefault();
        var metricsFile = Path.Combine(folder, "metrics.json");
        var metrics = File.Exists(metricsFile) && MetricsFile.Read(metricsFile).TryGetValue(stem, out var recorded) ? recorded : new Dictionary<string, double>();
        var (set, targets) = ReadTargets(Path.Combine(folder, "targets.json"), stem);
        return new NotebookRun(source, stem, executed, error, code.Count(c => c.ExecutionCount is not null), code.Count, clock.Elapsed, metrics, [])
        {
            TargetSet = set, Targets = targets,
        };
    }

    /// <summary>The judgements <c>course run</c> wrote to <c>targets.json</c> for <paramref name="stem"/>.</summary>
    private static (TargetSet? Set, IReadOnlyList<TargetJudgement> Targets) ReadTargets(string path, string stem)
    {
        if (!File.Exists(path) || JsonNode.Parse(File.ReadAllText(path))?[stem] is not JsonObject notebook) return (null, []);
        var set = Enum.Parse<TargetSet>(notebook["set"]!.GetValue<string>(), ignoreCase: true);
        var targets = notebook["targets"]!.AsObject().Select(t => new TargetJudgement(
            t.Key, t.Value!["target"]!.GetValue<string>(), t.Value["value"]?.GetValue<double>(), t.Value["met"]!.GetValue<bool>(), t.Value["detail"]!.GetValue<string>())).ToList();
        return (set, targets);
    }

    /// <summary>The run's own output folder, named after its key.</summary>
    private static string Folder(string key) => Path.Combine(root, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..16]);

    /// <summary>A run's identity: the notebook's stem and its parameters in name order (also <see cref="KernelRuns"/>' key).</summary>
    internal static string Key(string source, IReadOnlyDictionary<string, string> parameters) =>
        Path.GetFileNameWithoutExtension(source) + "?" + string.Join("&", parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}
