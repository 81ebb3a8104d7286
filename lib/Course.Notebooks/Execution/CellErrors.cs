using System.Diagnostics;
using System.Reflection;
using Course.Notebooks.Document;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace Course.Notebooks.Execution;

/// <summary>Turns compiler diagnostics and exceptions into short nbformat error outputs.</summary>
/// <remarks>
/// A student sees the message and where in <em>their</em> cell it happened, never a raw stack
/// trace from deep inside TorchSharp or the engine.
/// </remarks>
public static class CellErrors
{
    /// <summary>The cell file name Roslyn records for cell number <paramref name="cellNumber"/>.</summary>
    public static string CellFile(int cellNumber) => $"cell-{cellNumber}";

    /// <summary>An error output for compilation errors of cell <paramref name="cellNumber"/>.</summary>
    public static ErrorOutput FromCompilation(CompilationErrorException e, int cellNumber)
    {
        var errors = e.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var lines = errors.Select(d => $"Cell {cellNumber}, line {d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.Id}: {d.GetMessage()}").ToList();
        var first = errors.FirstOrDefault();
        var value = first is null ? e.Message
            : $"line {first.Location.GetLineSpan().StartLinePosition.Line + 1}: {first.GetMessage()}" + (errors.Count > 1 ? $" (and {errors.Count - 1} more)" : "");
        return new ErrorOutput("CompilationError", value, lines);
    }

    /// <summary>An error output for an exception thrown by cell <paramref name="cellNumber"/>.</summary>
    public static ErrorOutput FromException(Exception exception, int cellNumber)
    {
        var e = Unwrap(exception);
        var traceback = new List<string> { $"{e.GetType().Name}: {e.Message}" };
        traceback.AddRange(UserFrames(e));
        if (traceback.Count == 1) traceback.Add($"   in cell {cellNumber}");
        if (e.InnerException is { } inner && inner.Message != e.Message)
            traceback.Add($"caused by {inner.GetType().Name}: {inner.Message}");
        return new ErrorOutput(e.GetType().Name, e.Message, traceback);
    }

    /// <summary>The exception a student should see: not the reflection or task wrapper around it.</summary>
    public static Exception Unwrap(Exception e)
    {
        while (true)
        {
            switch (e)
            {
                case TargetInvocationException { InnerException: { } inner }: e = inner; continue;
                case AggregateException { InnerExceptions.Count: 1 } agg: e = agg.InnerExceptions[0]; continue;
                case TypeInitializationException { InnerException: { } inner }: e = inner; continue;
                default: return e;
            }
        }
    }

    private static IEnumerable<string> UserFrames(Exception e)
    {
        var frames = new StackTrace(e, fNeedFileInfo: true).GetFrames();
        foreach (var frame in frames)
        {
            var file = frame.GetFileName();
            if (file is null || !Path.GetFileName(file).StartsWith("cell-", StringComparison.Ordinal)) continue;
            var method = frame.GetMethod();
            var where = method?.Name is { } name && !name.Contains('<') ? $" in {name}" : "";
            yield return $"   at {Path.GetFileName(file).Replace("cell-", "cell ")}, line {frame.GetFileLineNumber()}{where}";
        }
    }
}
