namespace Course.Notebooks.Execution;

/// <summary>A line of a cell that speaks to the engine rather than to C#.</summary>
/// <remarks>The forms .NET Interactive users write: <c>#r "nuget: Id, Version"</c>, <c>#r "file.dll"</c>,
/// <c>#i "nuget: source"</c>, <c>#!csharp</c>, <c>#!import file</c>, <c>#!time</c>.</remarks>
public abstract record Directive(int Line);
