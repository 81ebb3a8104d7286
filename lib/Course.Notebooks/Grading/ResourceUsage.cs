namespace Course.Notebooks.Grading;

/// <summary>What a sandboxed worker's process tree used: its peak resident memory and its CPU time.</summary>
/// <param name="PeakMemoryBytes">
/// The largest sum, over the tree's processes, of each one's peak resident memory (<c>VmHWM</c>): an upper bound of the
/// tree's peak, nearly all of it the worker's .NET process. For several workers in turn (after a timeout), the largest.
/// </param>
/// <param name="Cpu">User and system CPU time of the tree's processes; for several workers in turn, their sum.</param>
public sealed record ResourceUsage(long PeakMemoryBytes, TimeSpan Cpu)
{
    /// <summary>Nothing ran (a submission refused before any worker started).</summary>
    public static ResourceUsage None { get; } = new(0, TimeSpan.Zero);

    /// <summary>This worker and <paramref name="next"/> one after the other: the larger peak, the CPU times added.</summary>
    public ResourceUsage Then(ResourceUsage next) => new(Math.Max(PeakMemoryBytes, next.PeakMemoryBytes), Cpu + next.Cpu);
}
