using System.Collections.Concurrent;
using Course.Notebooks.Running;

namespace Course.Notebooks.Tests.Support;

/// <summary>
/// One <c>course run</c> of each course notebook per test process, shared by the tests that compare against it
/// (end to end, kernel front end), so the suite trains every notebook once, not once per test.
/// </summary>
public static class CourseRuns
{
    private static readonly string root = Path.Combine(Path.GetTempPath(), "course-runs-" + Guid.NewGuid().ToString("N")[..8]);
    private static readonly ConcurrentDictionary<string, Lazy<Task<NotebookRun>>> runs = new(StringComparer.Ordinal);

    static CourseRuns() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        try { Directory.Delete(root, recursive: true); } catch (IOException) { }
    };

    /// <summary>The run of <c>notebooks/&lt;stem&gt;.ipynb</c> with <paramref name="parameters"/> (the first call decides them), judged by its test targets.</summary>
    public static Task<NotebookRun> Get(string source, IReadOnlyDictionary<string, string>? parameters) =>
        runs.GetOrAdd(Path.GetFileNameWithoutExtension(source), stem => new Lazy<Task<NotebookRun>>(async () =>
        {
            var folder = Directory.CreateDirectory(Path.Combine(root, stem)).FullName;
            return Assert.Single(await new CourseRunner(new RunOptions(folder, parameters, Targets: Course.Notebooks.Targets.TargetSet.Test)).RunAsync([source]));
        })).Value;

    /// <summary>Where the executed copy of <paramref name="stem"/> was written.</summary>
    public static string Executed(string stem) => Path.Combine(root, stem, stem + ".ipynb");
}
