using System.Text.Json.Nodes;

namespace Course.Notebooks.Document;

/// <summary>One nbformat output of a code cell.</summary>
/// <remarks>nbformat 4.5 output types: stream, display_data, execute_result, error.</remarks>
public abstract record CellOutput;

/// <summary>Text written to standard output or standard error while the cell ran.</summary>
/// <param name="Name"><c>stdout</c> or <c>stderr</c>.</param>
/// <param name="Text">The text, newlines included.</param>
public sealed record StreamOutput(string Name, string Text) : CellOutput;

/// <summary>A rich value shown with <c>display(x)</c>: a MIME bundle.</summary>
/// <param name="Data">MIME type → content (text, base64 image, or JSON for <c>*+json</c> types).</param>
/// <param name="DisplayId">The id that <c>Update</c> targets; not saved in the file (transient).</param>
public sealed record DisplayDataOutput(IReadOnlyDictionary<string, string> Data, string? DisplayId = null) : CellOutput;

/// <summary>The value of the cell's last bare expression.</summary>
public sealed record ExecuteResultOutput(IReadOnlyDictionary<string, string> Data, int ExecutionCount) : CellOutput;

/// <summary>An exception or compilation error that stopped the cell.</summary>
/// <param name="EName">Error name, e.g. <c>ArgumentException</c> or <c>CompilationError</c>.</param>
/// <param name="EValue">One-line message naming the problem and the fix.</param>
/// <param name="Traceback">Lines pointing at the user's cell and line.</param>
public sealed record ErrorOutput(string EName, string EValue, IReadOnlyList<string> Traceback) : CellOutput;

/// <summary>An output kept exactly as read, for types this engine never produces.</summary>
public sealed record UnknownOutput(JsonObject Json) : CellOutput;
