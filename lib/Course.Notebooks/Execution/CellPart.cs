namespace Course.Notebooks.Execution;

/// <summary>The lines of a cell that one kernel runs: C#, HTML, Markdown, JavaScript, or a language the engine refuses.</summary>
/// <param name="Kernel">The kernel's name as <see cref="CellParts"/> normalises it (<c>csharp</c>, <c>html</c>, <c>markdown</c>, <c>javascript</c>, <c>fsharp</c>…).</param>
/// <param name="Code">The part's text; for C#, the whole cell with every other line blanked so line numbers match the cell.</param>
/// <param name="Line">The cell line (1-based) where the part starts, its magic command's line when it has one.</param>
public sealed record CellPart(string Kernel, string Code, int Line);
