namespace Course.Notebooks.Execution;

/// <summary>A directive the engine cannot honour (another kernel's cell, a malformed <c>#r</c>).</summary>
public sealed record UnsupportedDirective(int Line, string Message) : Directive(Line);
