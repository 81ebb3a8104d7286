using System.Collections.Concurrent;
using System.Text.Json;
using Course.Notebooks.Document;

namespace Course.Notebooks.Tests.Support;

/// <summary>
/// One <c>jupyter nbconvert --execute</c> through the course kernel per course notebook and parameter set per test process,
/// shared by the tests that read it: the kernel front end compared with <c>course run</c>, and the untrained run that must
/// miss a target (issue 16: a notebook's untrained run is executed once, through the kernel, not once per front end).
/// </summary>
/// <remarks>The kernel gets the parameters as <c>COURSE_PARAMETERS</c> and writes its metrics to <c>COURSE_METRICS_FILE</c>, as on JupyterHub.</remarks>
public static class KernelRuns
{
    private static readonly string root = Path.Combine(Path.GetTempPath(), "course-kernel-runs-" + Guid.NewGuid().ToString("N")[..8]);
    private static readonly ConcurrentDictionary<string, Lazy<Task<KernelRun>>> runs = new(StringComparer.Ordinal);

    static KernelRuns() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        try { Directory.Delete(root, recursive: true); } catch (IOException) { }
    };

    /// <summary>The nbconvert run of <paramref name="source"/> with <paramref name="parameters"/>; requires Jupyter (fails on CI, skips elsewhere).</summary>
    public static Task<KernelRun> Get(string source, IReadOnlyDictionary<string, string> parameters)
    {
        DebianTool.Jupyter.Require();
        return runs.GetOrAdd(CourseRuns.Key(source, parameters), _ => new Lazy<Task<KernelRun>>(() => Task.Run(() => Run(source, parameters)))).Value;
    }

    private static KernelRun Run(string source, IReadOnlyDictionary<string, string> parameters)
    {
        Directory.CreateDirectory(root);
        var folder = new TempFolder(root);   // kept until the process exits: the tests read it after this returns
        Jupyter.InstallKernel(folder);
        var stem = Path.GetFileNameWithoutExtension(source);
        var notebooks = Directory.CreateDirectory(folder.File("notebooks")).FullName;   // ../artifacts stays resolvable
        File.Copy(source, Path.Combine(notebooks, stem + ".ipynb"));
        var metricsFile = folder.File("metrics.json");
        var environment = new List<(string, string)> { ("COURSE_METRICS_FILE", metricsFile) };
        if (parameters.Count > 0) environment.Add(("COURSE_PARAMETERS", string.Join(";", parameters.Select(p => $"{p.Key}={p.Value}"))));
        var result = Jupyter.Nbconvert(folder, Path.Combine(notebooks, stem + ".ipynb"), folder.Path, TimeSpan.FromSeconds(170), [.. environment]);

        var executedPath = folder.File(stem + ".ipynb");
        var executed = File.Exists(executedPath) ? NotebookDocument.Load(executedPath) : null;
        var metrics = File.Exists(metricsFile)
            ? JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, double>>>(File.ReadAllText(metricsFile))!["notebook"]
            : new Dictionary<string, double>();
        return new KernelRun(stem, result, executed, metrics);
    }
}

/// <summary>What nbconvert did with one notebook: its exit, the executed notebook (null if none was written) and the metrics the kernel recorded.</summary>
public sealed record KernelRun(string Stem, CourseCli.Result Nbconvert, NotebookDocument? Executed, IReadOnlyDictionary<string, double> Metrics)
{
    /// <summary>nbconvert's exit code and the end of what it printed, for a failed assertion.</summary>
    public string Failure => $"nbconvert of {Stem} exited {Nbconvert.ExitCode}:\n{Nbconvert.Error[^Math.Min(3000, Nbconvert.Error.Length)..]}";
}
