using System.Text;
using System.Text.Json;
using Course.Grading;
using Course.Notebooks.Execution;

namespace Course.Notebooks.Grading;

/// <summary>The child process of <c>course grade</c>: runs the cells it is sent and reports what grade cells' checks saw.</summary>
/// <remarks>
/// Requests arrive on standard input, one <see cref="WorkerRequest"/> per line; each <see cref="WorkerReply"/> leaves on the
/// private <see cref="ReplyChannel"/>, never on the standard output the student's code can write to. The worker limits its
/// own resources before the first cell (<see cref="ResourceLimits"/>). It decides nothing: on the student's side the
/// grade cells only report actual values; the grader compares them with the key's in its own process.
/// </remarks>
public static class GradeWorker
{
    private const int MaxMessageChars = 2000;

    /// <summary>Serve requests until standard input closes.</summary>
    public static async Task<int> RunAsync(Stream requests, string workingDirectory)
    {
        var limits = GradingLimits.FromEnvironment();
        var replies = ReplyChannel.Open();
        ResourceLimits.Apply(limits);
        ConsoleCapture.Install();
        var engine = new NotebookEngine(workingDirectory) { MaxStreamChars = limits.OutputBytes };
        using var input = new StreamReader(requests, Encoding.UTF8);
        while (await input.ReadLineAsync() is { } line)
        {
            var request = JsonSerializer.Deserialize<WorkerRequest>(line, WorkerJson.Options)!;
            var records = new List<ProbeRecord>();
            Probe.Records = request.Grade ? records : null;
            CellResult result;
            try
            {
                result = await engine.ExecuteAsync(request.Code);
            }
            finally
            {
                Probe.Records = null;
            }
            var message = result.Error is { } e ? $"{e.EName}: {e.EValue}" : "";
            if (message.Length > MaxMessageChars) message = message[..MaxMessageChars] + " …";
            List<ProbeRecord> reported;
            lock (records) reported = [.. records];
            var reply = new WorkerReply(request.Nonce, result.Error is null ? "ok" : "error", message, reported);
            await replies.WriteAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(reply, WorkerJson.Options) + "\n"));
            await replies.FlushAsync();
        }
        return 0;
    }
}
