namespace Course.Notebooks.Execution;

/// <summary><c>#r "nuget: Id[, Version]"</c>: reference a package (the engine's own when it ships it, else restored); the version may be a NuGet range.</summary>
public sealed record NuGetReference(int Line, string Id, string? Version) : Directive(Line);
