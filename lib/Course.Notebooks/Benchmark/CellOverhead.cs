using System.Diagnostics;
using Course.Notebooks.Document;
using Course.Notebooks.Execution;

namespace Course.Notebooks.Benchmark;

/// <summary>The engine's own cost per cell: the median time to run a trivial cell (<c>1 + 1</c>) after warm-up.</summary>
/// <remarks>
/// Drives a <see cref="NotebookEngine"/> as <c>course run</c> does (<see cref="NotebookEngine.ExecuteCellAsync"/> per cell).
/// The first cell loads the course library like a notebook's setup cell (<c>#r "nuget: Course"</c>), a few trivial cells
/// warm Roslyn up, then each timed cell is compiled, run and its result formatted: what every notebook cell pays on
/// top of its own work. DESIGN.md's target: at most 100 ms.
/// </remarks>
public static class CellOverhead
{
    /// <summary>The code of the timed cell.</summary>
    public const string TrivialCell = "1 + 1";

    /// <summary>Median milliseconds of <paramref name="cells"/> trivial cells after the setup cell and <paramref name="warmupCells"/> untimed ones.</summary>
    /// <param name="warmupCells">Untimed trivial cells after the setup cell.</param>
    /// <param name="cells">Timed trivial cells.</param>
    /// <param name="cancellation">Stops between cells.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
    /// <exception cref="InvalidOperationException">A cell failed (the message names the error).</exception>
    public static async Task<double> MeasureAsync(int warmupCells = 5, int cells = 30, CancellationToken cancellation = default)
    {
        if (warmupCells < 0) throw new ArgumentOutOfRangeException(nameof(warmupCells), warmupCells, "warmupCells must be 0 or more.");
        if (cells < 1) throw new ArgumentOutOfRangeException(nameof(cells), cells, "cells must be at least 1.");
        var engine = new NotebookEngine(Environment.CurrentDirectory);
        await RunAsync(engine, "#r \"nuget: Course\"\nusing Course;", cancellation);
        for (int i = 0; i < warmupCells; i++) await RunAsync(engine, TrivialCell, cancellation);

        var milliseconds = new List<double>(cells);
        for (int i = 0; i < cells; i++)
        {
            var clock = Stopwatch.StartNew();
            await RunAsync(engine, TrivialCell, cancellation);
            milliseconds.Add(clock.Elapsed.TotalMilliseconds);
        }
        milliseconds.Sort();
        return cells % 2 == 1 ? milliseconds[cells / 2] : (milliseconds[cells / 2 - 1] + milliseconds[cells / 2]) / 2;
    }

    private static async Task RunAsync(NotebookEngine engine, string code, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        var result = await engine.ExecuteCellAsync(NotebookCell.Code(code), cancellation);
        if (result.Error is { } e)
            throw new InvalidOperationException($"The benchmark cell `{code.ReplaceLineEndings(" ")}` failed: {e.EName}: {e.EValue}");
    }
}
