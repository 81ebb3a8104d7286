namespace Course.Notebooks.Execution;

/// <summary><c>#!import file.cs|.csx</c>: run a C# file's code before the cell.</summary>
public sealed record ImportFile(int Line, string Path) : Directive(Line);
