namespace Course.Notebooks.Execution;

/// <summary><c>#!time</c>: report the cell's wall time.</summary>
public sealed record TimeCell(int Line) : Directive(Line);
