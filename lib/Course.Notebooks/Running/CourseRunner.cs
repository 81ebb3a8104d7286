using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Notebooks.Document;
using Course.Notebooks.Execution;
using Course.Notebooks.Html;

namespace Course.Notebooks.Running;

/// <summary><c>course run</c>: executes notebooks into an output folder and builds the web book.</summary>
/// <remarks>
/// Never modifies a source notebook. Stops a notebook at its first failing cell, still writes what
/// ran (with the error), goes on with the next notebook. Writes <c>&lt;stem&gt;.ipynb</c>,
/// <c>&lt;stem&gt;.html</c>, <c>index.html</c> and <c>metrics.json</c> (DESIGN.md, CLI).
/// </remarks>
public sealed class CourseRunner(RunOptions options, IRunProgress? progress = null)
{
    private readonly IRunProgress progress = progress ?? SilentProgress.Instance;

    /// <summary>The notebooks <paramref name="paths"/> name: files as given, folders' *.ipynb sorted by name.</summary>
    /// <exception cref="RunException">A path does not exist or is not a notebook.</exception>
    public static IReadOnlyList<string> Resolve(IEnumerable<string> paths)
    {
        var notebooks = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = Directory.GetFiles(path, "*.ipynb").Order(StringComparer.Ordinal).ToList();
                if (found.Count == 0) throw new RunException($"{path} holds no .ipynb notebooks; pass a notebook or the notebooks/ folder.");
                notebooks.AddRange(found);
            }
            else if (File.Exists(path))
            {
                if (!path.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase))
                    throw new RunException($"{path} is not a notebook (.ipynb); pass a notebook or a folder of notebooks.");
                notebooks.Add(path);
            }
            else throw new RunException($"{path} does not exist; pass a notebook (notebooks/00-setup.ipynb) or a folder (notebooks).");
        }
        var duplicate = notebooks.GroupBy(Path.GetFileNameWithoutExtension).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new RunException($"two notebooks are named {duplicate.Key}.ipynb ({string.Join(", ", duplicate)}); their outputs would overwrite each other.");
        return notebooks.Select(Path.GetFullPath).Distinct().ToList();
    }

    /// <summary>Run every notebook, write outputs, and return one result per notebook.</summary>
    /// <exception cref="RunException">The paths or the output folder are unusable.</exception>
    public async Task<IReadOnlyList<NotebookRun>> RunAsync(IEnumerable<string> paths, CancellationToken cancellation = default)
    {
        var notebooks = Resolve(paths);
        var outDir = PrepareOutDir(options.OutDir, notebooks);
        var overrides = new Dictionary<string, string>(NotebookParameters.ParseList(Environment.GetEnvironmentVariable(NotebookParameters.EnvironmentVariable)));
        foreach (var (name, value) in options.Parameters ?? new Dictionary<string, string>()) overrides[name] = value;

        var runs = new List<NotebookRun>();
        foreach (var path in notebooks)
        {
            var run = await RunOneAsync(path, overrides, cancellation);
            runs.Add(run);
            if (run.Executed is not null) run.Executed.Save(Path.Combine(outDir, run.Stem + ".ipynb"));
            progress.NotebookFinished(run);
        }
        WriteMetrics(outDir, runs);
        if (options.WriteBook) WriteBook(outDir, runs);
        return runs;
    }

    private async Task<NotebookRun> RunOneAsync(string path, IReadOnlyDictionary<string, string> overrides, CancellationToken cancellation)
    {
        var stem = Path.GetFileNameWithoutExtension(path);
        var clock = Stopwatch.StartNew();
        NotebookDocument notebook;
        try
        {
            notebook = NotebookDocument.Load(path).Clone();
            var unknown = NotebookParameters.Apply(notebook, overrides);
            foreach (var name in unknown.Where(n => options.Parameters?.ContainsKey(n) == true))
                progress.Warning($"{stem} has no parameter '{name}' (its parameters: {string.Join(", ", NotebookParameters.Declared(notebook).Keys.DefaultIfEmpty("none"))}); -p {name} ignored.");
        }
        catch (Exception e) when (e is NotebookFormatException or ArgumentException)
        {
            progress.NotebookStarted(stem, 0);
            return new NotebookRun(path, stem, null, e.Message, 0, 0, clock.Elapsed, new Dictionary<string, double>(), []);
        }

        var codeCells = notebook.Cells.Where(c => c.Type == CellType.Code).ToList();
        foreach (var cell in codeCells)
        {
            cell.Outputs.Clear();
            cell.ExecutionCount = null;
        }
        progress.NotebookStarted(stem, codeCells.Count);
        var engine = new NotebookEngine(Path.GetDirectoryName(path)!, progress);
        string? error = null;
        var times = new List<TimeSpan>();
        foreach (var cell in codeCells)
        {
            progress.CellStarted(times.Count + 1, codeCells.Count);
            var result = await engine.ExecuteCellAsync(cell, cancellation);
            times.Add(result.Elapsed);
            if (result.Error is { } e)
            {
                error = $"cell {times.Count} of {codeCells.Count} failed: {e.EName}: {e.EValue}";
                break;
            }
        }
        return new NotebookRun(path, stem, notebook, error, times.Count, codeCells.Count, clock.Elapsed, engine.RecordedMetrics, times);
    }

    private static string PrepareOutDir(string outDir, IReadOnlyList<string> notebooks) => OutputFolder.Prepare(outDir, notebooks, "executed copies");

    private static void WriteMetrics(string outDir, IReadOnlyList<NotebookRun> runs) =>
        MetricsFile.Write(Path.Combine(outDir, "metrics.json"), runs.Where(r => r.Executed is not null).Select(r => KeyValuePair.Create(r.Stem, r.Metrics)));

    private static void WriteBook(string outDir, IReadOnlyList<NotebookRun> runs)
    {
        var pages = new List<BookPage>();
        foreach (var file in Directory.GetFiles(outDir, "*.ipynb").Order(StringComparer.Ordinal))
        {
            var stem = Path.GetFileNameWithoutExtension(file);
            var run = runs.FirstOrDefault(r => r.Stem == stem);
            if (run?.Executed is { } executed)
            {
                pages.Add(new BookPage(stem, executed, run.Error, run.Elapsed));
                continue;
            }
            try
            {
                var doc = NotebookDocument.Load(file);
                var firstError = doc.Cells.SelectMany(c => c.Outputs).OfType<ErrorOutput>().FirstOrDefault();
                pages.Add(new BookPage(stem, doc, firstError is null ? null : $"{firstError.EName}: {firstError.EValue}", TimeSpan.Zero));
            }
            catch (NotebookFormatException)
            {
                // An unreadable file in the output folder is not ours to fix; leave it out of the book.
            }
        }
        var metrics = ReadMetrics(outDir);
        BookWriter.WriteAssets(outDir);
        foreach (var page in pages) BookWriter.WritePage(outDir, page, pages);
        BookWriter.WriteIndex(outDir, pages, metrics);
    }

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> ReadMetrics(string outDir) =>
        MetricsFile.Read(Path.Combine(outDir, "metrics.json"));
}
