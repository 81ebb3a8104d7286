namespace Course.Notebooks.Execution;

/// <summary><c>#i "nuget: source"</c>: a package source; the engine only ships packages, so it is noted.</summary>
public sealed record PackageSource(int Line, string Source) : Directive(Line);
