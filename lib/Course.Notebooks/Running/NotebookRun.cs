using Course.Notebooks.Document;

namespace Course.Notebooks.Running;

/// <summary>The result of running one notebook.</summary>
/// <param name="Source">The notebook file that was run (never modified).</param>
/// <param name="Stem">File name without extension; names the outputs.</param>
/// <param name="Executed">The executed copy (null when the file could not be read).</param>
/// <param name="Error">One-line failure message, or null when every cell ran.</param>
/// <param name="CellsRun">Code cells executed (including a failing one).</param>
/// <param name="CellCount">Code cells in the notebook.</param>
/// <param name="Elapsed">Wall time.</param>
/// <param name="Metrics">What the notebook recorded with <c>Metrics.Record</c>.</param>
/// <param name="CellTimes">Per executed code cell, its wall time.</param>
public sealed record NotebookRun(
    string Source, string Stem, NotebookDocument? Executed, string? Error, int CellsRun, int CellCount,
    TimeSpan Elapsed, IReadOnlyDictionary<string, double> Metrics, IReadOnlyList<TimeSpan> CellTimes)
{
    /// <summary>True when every cell ran.</summary>
    public bool Succeeded => Error is null;
}
