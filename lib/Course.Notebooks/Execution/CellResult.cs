using Course.Notebooks.Document;

namespace Course.Notebooks.Execution;

/// <summary>What running one cell produced.</summary>
/// <param name="Outputs">Outputs in order (streams, displays, result, error).</param>
/// <param name="ExecutionCount">The cell's execution counter.</param>
/// <param name="Error">The error, when the cell failed.</param>
/// <param name="Elapsed">Wall time of the cell.</param>
public sealed record CellResult(IReadOnlyList<CellOutput> Outputs, int ExecutionCount, ErrorOutput? Error, TimeSpan Elapsed)
{
    /// <summary>True when the cell ran without error.</summary>
    public bool Succeeded => Error is null;
}
