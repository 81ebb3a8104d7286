using System.Text.Json;
using Course.Notebooks.Execution;

namespace Course.Notebooks.Grading;

/// <summary>The child process of <c>course grade</c>: runs cells it reads from stdin, one JSON line each.</summary>
/// <remarks>
/// Request: <c>{"code": "..."}</c>. Reply on the real stdout: <c>{"status": "ok|failed|error", "message": "..."}</c>.
/// The student's console output is captured by the engine and never mixes with replies.
/// </remarks>
public static class GradeWorker
{
    /// <summary>Serve requests until stdin closes.</summary>
    public static async Task<int> RunAsync(TextReader input, string workingDirectory)
    {
        ConsoleCapture.Install();
        var reply = ConsoleCapture.OriginalOut;
        var engine = new NotebookEngine(workingDirectory);
        while (await input.ReadLineAsync() is { } line)
        {
            var code = JsonDocument.Parse(line).RootElement.GetProperty("code").GetString() ?? "";
            var result = await engine.ExecuteAsync(code);
            var (status, message) = result.Error switch
            {
                null => ("ok", ""),
                { EName: "GradeFailure" } e => ("failed", e.EValue),
                var e => ("error", $"{e.EName}: {e.EValue}"),
            };
            await reply.WriteLineAsync(JsonSerializer.Serialize(new { status, message }));
            await reply.FlushAsync();
        }
        return 0;
    }
}
