using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Notebooks.Document;
using Course.Notebooks.Execution;
using Course.Notebooks.Html;
using Course.Notebooks.Targets;

namespace Course.Notebooks.Running;

/// <summary><c>course run</c>: executes notebooks into an output folder and builds the web book.</summary>
/// <remarks>
/// Never modifies a source notebook. Stops a notebook at its first failing cell (with <see cref="RunOptions.AllowErrors"/>: runs
/// every cell, each failing one keeping its error), still writes what ran (with the errors), goes on with the next notebook. Writes <c>&lt;stem&gt;.ipynb</c>,
/// <c>&lt;stem&gt;.html</c>, <c>index.html</c> and <c>metrics.json</c> (DESIGN.md, CLI). After a notebook ran it
/// judges the learning targets of the notebook's <c>"course"</c> metadata (issue 15) and writes them to
/// <c>targets.json</c> beside <c>metrics.json</c>, which keeps its <c>{notebook: {metric: value}}</c> shape.
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
        var metrics = WriteMetrics(outDir, runs);
        var targets = WriteTargets(outDir, runs);
        if (options.WriteBook) WriteBook(outDir, runs, metrics, targets);
        return runs;
    }

    private async Task<NotebookRun> RunOneAsync(string path, IReadOnlyDictionary<string, string> overrides, CancellationToken cancellation)
    {
        var stem = Path.GetFileNameWithoutExtension(path);
        var clock = Stopwatch.StartNew();
        NotebookDocument notebook;
        CourseMetadata course;
        try
        {
            notebook = NotebookDocument.Load(path).Clone();
            course = CourseMetadata.Read(notebook);
            var unknown = NotebookParameters.Apply(notebook, overrides);
            foreach (var name in unknown.Where(n => options.Parameters?.ContainsKey(n) == true))
                progress.Warning($"{stem} has no parameter '{name}' (its parameters: {string.Join(", ", NotebookParameters.Declared(notebook).Keys.DefaultIfEmpty("none"))}); -p {name} ignored.");
        }
        catch (Exception e) when (e is NotebookFormatException or ArgumentException or FormatException)
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
        var engine = new NotebookEngine(Path.GetDirectoryName(path)!, progress, restorer: options.Restorer);
        var failures = new List<string>();
        var times = new List<TimeSpan>();
        foreach (var cell in codeCells)
        {
            progress.CellStarted(times.Count + 1, codeCells.Count);
            var result = await engine.ExecuteCellAsync(cell, cancellation);
            times.Add(result.Elapsed);
            if (result.Error is { } e)
            {
                failures.Add($"cell {times.Count} of {codeCells.Count} failed: {e.EName}: {e.EValue}");
                if (!options.AllowErrors) break;
            }
        }
        var error = failures.Count switch
        {
            0 => null,
            1 => failures[0],
            _ => $"{failures.Count} cells failed: {string.Join("; ", failures.Select(f => f.TrimEnd('.')))}",
        };
        var metrics = engine.RecordedMetrics;
        var run = new NotebookRun(path, stem, notebook, error, times.Count, codeCells.Count, clock.Elapsed, metrics, times);
        if (!options.JudgeTargets || error is not null) return run;
        var set = options.Targets ?? course.Choose(overrides);
        return run with { TargetSet = set, Targets = course.Judge(set, metrics) };
    }

    private static string PrepareOutDir(string outDir, IReadOnlyList<string> notebooks) => OutputFolder.Prepare(outDir, notebooks, "executed copies");

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> WriteMetrics(string outDir, IReadOnlyList<NotebookRun> runs) =>
        MetricsFile.Write(Path.Combine(outDir, "metrics.json"), runs.Where(r => r.Executed is not null).Select(r => KeyValuePair.Create(r.Stem, r.Metrics)));

    /// <summary>
    /// <c>targets.json</c>: <c>{notebook: {"set": "default"|"test", "met": bool, "targets": {metric: {target, value, met, detail}}}}</c>,
    /// merged like <c>metrics.json</c>; a notebook run without judging loses its old entry. Returns what it wrote, by notebook.
    /// </summary>
    private static IReadOnlyDictionary<string, IReadOnlyList<TargetJudgement>> WriteTargets(string outDir, IReadOnlyList<NotebookRun> runs)
    {
        var path = Path.Combine(outDir, "targets.json");
        JsonObject all;
        try
        {
            all = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? [] : [];
        }
        catch (JsonException)
        {
            all = [];
        }
        foreach (var run in runs.Where(r => r.Executed is not null))
        {
            if (run.TargetSet is not { } set)
            {
                all.Remove(run.Stem);
                continue;
            }
            var targets = new JsonObject();
            foreach (var t in run.Targets)
                targets[t.Metric] = new JsonObject { ["target"] = t.Target, ["value"] = t.Value, ["met"] = t.Met, ["detail"] = t.Detail };
            all[run.Stem] = new JsonObject { ["set"] = set == TargetSet.Test ? "test" : "default", ["met"] = run.TargetsMet, ["targets"] = targets };
        }
        var sorted = new JsonObject(all.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => KeyValuePair.Create(kv.Key, kv.Value?.DeepClone())));
        File.WriteAllText(path, sorted.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
        return Judgements(sorted);
    }

    /// <summary>The judgements of a <c>targets.json</c> document by notebook; entries not in its shape are left out.</summary>
    private static Dictionary<string, IReadOnlyList<TargetJudgement>> Judgements(JsonObject all)
    {
        var result = new Dictionary<string, IReadOnlyList<TargetJudgement>>(StringComparer.Ordinal);
        foreach (var (stem, entry) in all)
        {
            try
            {
                result[stem] = (entry?["targets"] as JsonObject ?? []).Select(t => new TargetJudgement(
                    t.Key, t.Value?["target"]?.GetValue<string>() ?? "", t.Value?["value"]?.GetValue<double>(),
                    t.Value?["met"]?.GetValue<bool>() == true, t.Value?["detail"]?.GetValue<string>() ?? "")).ToList();
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException)
            {
                // One damaged entry only loses that notebook's target list in the index.
            }
        }
        return result;
    }

    /// <summary>The web book from this call's runs in memory, beside the pages of notebooks run into the folder before.</summary>
    private static void WriteBook(string outDir, IReadOnlyList<NotebookRun> runs, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> metrics,
                                  IReadOnlyDictionary<string, IReadOnlyList<TargetJudgement>> targets)
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
        BookWriter.WriteAssets(outDir);
        foreach (var page in pages) BookWriter.WritePage(outDir, page, pages);
        BookWriter.WriteIndex(outDir, pages, metrics, targets);
    }
}
