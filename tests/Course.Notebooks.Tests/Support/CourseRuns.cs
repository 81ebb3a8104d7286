using System.Collections.Concurrent;
using Course.Notebooks.Running;
using Course.Notebooks.Targets;

namespace Course.Notebooks.Tests.Support;

/// <summary>
/// One <c>course run</c> per course notebook and parameter set per test process, shared by the tests that compare
/// against it (end to end, untrained, kernel front end), so the suite executes each notebook once per set, not once per test.
/// </summary>
public static class CourseRuns
{
    private static readonly string root = Path.Combine(Path.GetTempPath(), "course-runs-" + Guid.NewGuid().ToString("N")[..8]);
    private static readonly ConcurrentDictionary<string, Lazy<Task<NotebookRun>>> runs = new(StringComparer.Ordinal);

    /// <summary>
    /// One course notebook at a time in this process: they all draw from torch's global generator (their figures depend on
    /// running alone), and two at once have failed inside libtorch ("Unknown scalar type" in 09's k-means cell).
    /// </summary>
    private static readonly SemaphoreSlim oneAtATime = new(1, 1);

    static CourseRuns() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        try { Directory.Delete(root, recursive: true); } catch (IOException) { }
    };

    /// <summary>The run of <c>notebooks/&lt;stem&gt;.ipynb</c> with <paramref name="parameters"/>, judged by its test targets.</summary>
    public static Task<NotebookRun> Get(string source, IReadOnlyDictionary<string, string> parameters) =>
        runs.GetOrAdd(Key(source, parameters), key => new Lazy<Task<NotebookRun>>(async () =>
        {
            var folder = Directory.CreateDirectory(Folder(key)).FullName;
            await oneAtATime.WaitAsync();
            try
            {
                return Assert.Single(await new CourseRunner(new RunOptions(folder, parameters, Targets: TargetSet.Test)).RunAsync([source]));
            }
            finally
            {
                oneAtATime.Release();
            }
        })).Value;

    /// <summary>Where the executed copy of <paramref name="source"/> run with <paramref name="parameters"/> was written.</summary>
    public static string Executed(string source, IReadOnlyDictionary<string, string> parameters) =>
        Path.Combine(Folder(Key(source, parameters)), Path.GetFileName(source));

    /// <summary>The run's own output folder, named after its key.</summary>
    private static string Folder(string key) => Path.Combine(root, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..16]);

    private static string Key(string source, IReadOnlyDictionary<string, string> parameters) =>
        Path.GetFileNameWithoutExtension(source) + "?" + string.Join("&", parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}
