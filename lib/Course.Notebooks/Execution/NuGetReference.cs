namespace Course.Notebooks.Execution;

/// <summary><c>#r "nuget: Id[, Version]"</c>: reference a package the engine ships.</summary>
public sealed record NuGetReference(int Line, string Id, string? Version) : Directive(Line);
