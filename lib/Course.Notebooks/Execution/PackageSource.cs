namespace Course.Notebooks.Execution;

/// <summary><c>#i "nuget: source"</c>: a package source for later restores, a feed URL or a folder relative to the notebook.</summary>
public sealed record PackageSource(int Line, string Source) : Directive(Line);
