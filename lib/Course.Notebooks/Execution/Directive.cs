namespace Course.Notebooks.Execution;

/// <summary>A line of a cell that speaks to the engine rather than to C#.</summary>
/// <remarks>The forms .NET Interactive users write: <c>#r "nuget: Id, Version"</c>, <c>#r "file.dll"</c>,
/// <c>#i "nuget: source"</c>, <c>#!csharp</c>, <c>#!import file</c>, <c>#!time</c>.</remarks>
public abstract record Directive(int Line);

/// <summary><c>#r "nuget: Id[, Version]"</c>: reference a package the engine ships.</summary>
public sealed record NuGetReference(int Line, string Id, string? Version) : Directive(Line);

/// <summary><c>#r "path.dll"</c>: reference an assembly file, relative to the notebook.</summary>
public sealed record FileReference(int Line, string Path) : Directive(Line);

/// <summary><c>#i "nuget: source"</c>: a package source; the engine only ships packages, so it is noted.</summary>
public sealed record PackageSource(int Line, string Source) : Directive(Line);

/// <summary><c>#!import file.cs|.csx</c>: run a C# file's code before the cell.</summary>
public sealed record ImportFile(int Line, string Path) : Directive(Line);

/// <summary><c>#!time</c>: report the cell's wall time.</summary>
public sealed record TimeCell(int Line) : Directive(Line);

/// <summary>A directive the engine cannot honour (another kernel's cell, a malformed <c>#r</c>).</summary>
public sealed record UnsupportedDirective(int Line, string Message) : Directive(Line);
