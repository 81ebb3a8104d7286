using Course.Notebooks.Document;
using Course.Notebooks.Tests.Support;

namespace Course.Notebooks.Tests.Notebooks;

/// <summary>
/// Issue 5: <c>jupyter nbconvert --execute</c> through the course kernel gives the same cells, the same kinds of
/// output and the same metrics as <c>course run</c>.
/// </summary>
/// <remarks>
/// Both sides run with training switched off (the untrained parameters, shared with <see cref="NotebookRunTests"/>):
/// what is compared is the front end, every cell and output of which still runs; training itself is checked by the test run.
/// Two halves (alternate notebooks), so the two run each on their own core.
/// </remarks>
public static class NotebookKernelTests
{
    public class Even
    {
        [SkippableTheory]
        [MemberData(nameof(CourseNotebooks.Shard), 0, 2, MemberType = typeof(CourseNotebooks))]
        public Task NbconvertThroughTheKernelMatchesCourseRun(string stem) => NbconvertMatchesCourseRun(stem);
    }

    public class Odd
    {
        [SkippableTheory]
        [MemberData(nameof(CourseNotebooks.Shard), 1, 2, MemberType = typeof(CourseNotebooks))]
        public Task NbconvertThroughTheKernelMatchesCourseRun(string stem) => NbconvertMatchesCourseRun(stem);
    }

    private static async Task NbconvertMatchesCourseRun(string stem)
    {
        var source = CourseNotebooks.Source(stem);
        var parameters = CourseNotebooks.UntrainedParameters(stem);
        var courseRun = CourseRuns.Get(source, parameters);   // runs (or waits its turn) in this process while nbconvert runs below

        using var folder = new TempFolder();
        Jupyter.InstallKernel(folder);
        var notebooks = Directory.CreateDirectory(folder.File("notebooks")).FullName;   // ../artifacts stays resolvable
        File.Copy(source, Path.Combine(notebooks, stem + ".ipynb"));
        var metricsFile = folder.File("metrics.json");
        var environment = new List<(string, string)> { ("COURSE_METRICS_FILE", metricsFile) };
        if (parameters.Count > 0) environment.Add(("COURSE_PARAMETERS", string.Join(";", parameters.Select(p => $"{p.Key}={p.Value}"))));
        var result = Jupyter.Nbconvert(folder, Path.Combine(notebooks, stem + ".ipynb"), folder.Path, TimeSpan.FromSeconds(170), [.. environment]);
        Assert.True(result.ExitCode == 0, $"nbconvert of {stem} exited {result.ExitCode}:\n{result.Error[^Math.Min(3000, result.Error.Length)..]}");

        var run = await courseRun;
        Assert.True(run.Succeeded, run.Error);
        var kernelCells = NotebookDocument.Load(folder.File(stem + ".ipynb")).Cells.Where(c => c.Type == CellType.Code).ToList();
        var runCells = run.Executed!.Cells.Where(c => c.Type == CellType.Code && !c.HasTag("injected-parameters")).ToList();
        Assert.Equal(runCells.Count, kernelCells.Count);
        for (var i = 0; i < runCells.Count; i++)
        {
            Assert.NotNull(kernelCells[i].ExecutionCount);
            Assert.DoesNotContain(kernelCells[i].Outputs, o => o is ErrorOutput);
            Assert.True(Kinds(runCells[i]).SetEquals(Kinds(kernelCells[i])),
                $"{stem}, code cell {i + 1}: course run gave [{string.Join(", ", Kinds(runCells[i]))}], the kernel [{string.Join(", ", Kinds(kernelCells[i]))}]");
        }

        var kernelMetrics = File.Exists(metricsFile)
            ? System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, double>>>(File.ReadAllText(metricsFile))!["notebook"]
            : [];
        Assert.Equal(run.Metrics.Keys.Order(StringComparer.Ordinal), kernelMetrics.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, value) in run.Metrics)
            if (!name.EndsWith("seconds", StringComparison.Ordinal) && !name.EndsWith("per_second", StringComparison.Ordinal))
                Assert.True(Math.Abs(value - kernelMetrics[name]) <= 0.02 * Math.Max(1, Math.Abs(value)),
                    $"{stem}: {name} is {value} in course run but {kernelMetrics[name]} through the kernel");
    }

    /// <summary>What a cell showed, by kind: stream names and the MIME types of displays and results.</summary>
    private static HashSet<string> Kinds(NotebookCell cell) => cell.Outputs.SelectMany(o => o switch
    {
        StreamOutput s => [s.Name],
        DisplayDataOutput d => d.Data.Keys,
        ExecuteResultOutput r => r.Data.Keys.Select(k => "result " + k),
        ErrorOutput => ["error"],
        _ => ["other"],
    }).ToHashSet(StringComparer.Ordinal);
}
