namespace Course.Notebooks.Document;

/// <summary>An exception or compilation error that stopped the cell.</summary>
/// <param name="EName">Error name, e.g. <c>ArgumentException</c> or <c>CompilationError</c>.</param>
/// <param name="EValue">One-line message naming the problem and the fix.</param>
/// <param name="Traceback">Lines pointing at the user's cell and line.</param>
public sealed record ErrorOutput(string EName, string EValue, IReadOnlyList<string> Traceback) : CellOutput;
