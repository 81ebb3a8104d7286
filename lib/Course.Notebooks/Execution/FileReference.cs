namespace Course.Notebooks.Execution;

/// <summary><c>#r "path.dll"</c>: reference an assembly file, relative to the notebook.</summary>
public sealed record FileReference(int Line, string Path) : Directive(Line);
