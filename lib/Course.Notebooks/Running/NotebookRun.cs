using Course.Notebooks.Document;
using Course.Notebooks.Targets;

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

    /// <summary>The set of targets the run was judged by, or null when targets were not judged.</summary>
    public TargetSet? TargetSet { get; init; }

    /// <summary>Each learning target of <see cref="TargetSet"/>, met or missed (empty when not judged).</summary>
    public IReadOnlyList<TargetJudgement> Targets { get; init; } = [];

    /// <summary>True when every judged target was met.</summary>
    public bool TargetsMet => Targets.All(t => t.Met);
}
