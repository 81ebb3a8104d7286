using Course.Notebooks.Document;
using Course.Notebooks.Tests.Support;

namespace Course.Notebooks.Tests.Notebooks;

/// <summary>
/// Issue 5: <c>jupyter nbconvert --execute</c> through the course kernel gives the same cells, the same kinds of
/// output and the same metrics as <c>course run</c>.
/// </summary>
/// <remarks>
/// The kernel runs each notebook once, with training switched off (the untrained parameters): that run is shared with
/// <see cref="NotebookRunTests"/>' check that an untrained model misses a target (<see cref="KernelRuns"/>), and is
/// compared here with <c>course run</c>'s test run. Where nothing trains the two runs have the same parameters and must
/// agree exactly: every cell's kinds of output and every metric's value. Where the test run trains, the kernel's run
/// has every cell and metric of it, and each cell shows what it showed in <c>course run</c>: the same streams and
/// results, and no display it did not show there (a live training chart appears only once an epoch has run). Two
/// halves (alternate notebooks), so the two run each on their own core.
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
        var untrained = CourseNotebooks.UntrainedParameters(stem);
        var test = CourseNotebooks.TestParameters(stem);
        var same = untrained.Count == test.Count && untrained.All(p => test.TryGetValue(p.Key, out var v) && v == p.Value);
        var kernelRun = KernelRuns.Get(source, untrained);
        var run = await CourseRuns.Get(source, test);
        var kernel = await kernelRun;

        Assert.True(kernel.Nbconvert.ExitCode == 0, kernel.Failure);
        Assert.True(run.Succeeded, run.Error);
        var kernelCells = kernel.Executed!.Cells.Where(c => c.Type == CellType.Code).ToList();
        var runCells = run.Executed!.Cells.Where(c => c.Type == CellType.Code && !c.HasTag("injected-parameters")).ToList();
        Assert.Equal(runCells.Count, kernelCells.Count);
        for (var i = 0; i < runCells.Count; i++)
        {
            Assert.NotNull(kernelCells[i].ExecutionCount);
            Assert.DoesNotContain(kernelCells[i].Outputs, o => o is ErrorOutput);
            var (inRun, inKernel) = (Kinds(runCells[i]), Kinds(kernelCells[i]));
            var agree = same ? inRun.SetEquals(inKernel) : inKernel.IsSubsetOf(inRun) && inRun.Where(k => !IsDisplay(k)).All(inKernel.Contains);
            Assert.True(agree, $"{stem}, code cell {i + 1}: course run gave [{string.Join(", ", inRun)}], the kernel [{string.Join(", ", inKernel)}]");
        }

        Assert.Equal(run.Metrics.Keys.Order(StringComparer.Ordinal), kernel.Metrics.Keys.Order(StringComparer.Ordinal));
        if (same)
            foreach (var (name, value) in run.Metrics)
                if (!name.EndsWith("seconds", StringComparison.Ordinal) && !name.EndsWith("per_second", StringComparison.Ordinal))
                    Assert.True(Math.Abs(value - kernel.Metrics[name]) <= 0.02 * Math.Max(1, Math.Abs(value)),
                        $"{stem}: {name} is {value} in course run but {kernel.Metrics[name]} through the kernel");
    }

    /// <summary>A kind of <see cref="Kinds"/> that is a display's MIME type (not a stream, a result or an error).</summary>
    private static bool IsDisplay(string kind) => kind.Contains('/') && !kind.StartsWith("result ", StringComparison.Ordinal);

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
