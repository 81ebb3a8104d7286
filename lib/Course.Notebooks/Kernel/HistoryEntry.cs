namespace Course.Notebooks.Kernel;

/// <summary>One cell in <see cref="KernelHistory"/>.</summary>
/// <param name="Line">Its execution count.</param>
/// <param name="Raw">The code as typed.</param>
/// <param name="Ran">The code as it ran (<c>COURSE_PARAMETERS</c> applied).</param>
/// <param name="Output">The <c>text/plain</c> of its result, or null.</param>
internal sealed record HistoryEntry(int Line, string Raw, string Ran, string? Output);
