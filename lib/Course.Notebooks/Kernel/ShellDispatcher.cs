using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Course.Notebooks.Kernel;

/// <summary>Serves the shell channel: requests queue up and one worker answers them in order, cells included.</summary>
/// <remarks>
/// Every request is wrapped in busy/idle status. A request that fails (a mistyped field, a bug) gets its
/// <c>…_reply</c> with <c>status: error</c>, so no client waits forever and the kernel keeps serving. After a failed
/// cell with <c>stop_on_error</c>, the execute requests already queued are answered <c>aborted</c> (as ipykernel does for "Run All").
/// </remarks>
internal sealed class ShellDispatcher(KernelSession session, KernelExecution execution, Action<string> log)
{
    private readonly Channel<JupyterMessage> queue = Channel.CreateUnbounded<JupyterMessage>(new() { SingleReader = true });

    /// <summary>Queue a request (from the transport's thread).</summary>
    public void Enqueue(JupyterMessage request) => queue.Writer.TryWrite(request);

    /// <summary>Accept no more requests; <see cref="ServeAsync"/> ends after the queued ones.</summary>
    public void Complete() => queue.Writer.TryComplete();

    /// <summary>Answer queued requests one at a time until <see cref="Complete"/>.</summary>
    public async Task ServeAsync()
    {
        await foreach (var request in queue.Reader.ReadAllAsync())
        {
            var next = new Queue<JupyterMessage>([request]);
            while (next.TryDequeue(out var current))
                if (await HandleAsync(current))
                    foreach (var kept in AbortQueuedExecutions()) next.Enqueue(kept);
        }
    }

    /// <summary>Answer one request; true when the queued executions must be aborted.</summary>
    internal async Task<bool> HandleAsync(JupyterMessage request)
    {
        session.Status("busy", request);
        var abort = false;
        try
        {
            abort = await DispatchAsync(request);
        }
        catch (Exception e)
        {
            log(e is BadRequestException ? e.Message : $"{request.MessageType} failed: {e}");
            if (request.MessageType.EndsWith("_request", StringComparison.Ordinal)) session.ErrorReply(KernelChannel.Shell, request, e);
        }
        session.Status("idle", request);
        return abort;
    }

    private async Task<bool> DispatchAsync(JupyterMessage request)
    {
        switch (request.MessageType)
        {
            case "kernel_info_request":
                Reply(request, "kernel_info_reply", KernelInfo.Content());
                break;
            case "execute_request":
                var (reply, abort) = await execution.ExecuteAsync(request);
                Reply(request, "execute_reply", reply);
                return abort;
            case "is_complete_request":
                var status = CodeIntelligence.IsComplete(MessageContent.String(request, "code"));
                var isComplete = new JsonObject { ["status"] = status };
                if (status == "incomplete") isComplete["indent"] = CodeIntelligence.NextIndent(MessageContent.String(request, "code"));
                Reply(request, "is_complete_reply", isComplete);
                break;
            case "complete_request":
                var (code, cursor) = CodeAndCursor(request);
                var completion = CodeIntelligence.Complete(execution.Engine, code, cursor);
                Reply(request, "complete_reply", new JsonObject
                {
                    ["status"] = "ok",
                    ["matches"] = new JsonArray(completion.Matches.Select(m => (JsonNode)m).ToArray()),
                    ["cursor_start"] = completion.CursorStart,
                    ["cursor_end"] = completion.CursorEnd,
                    ["metadata"] = new JsonObject(),
                });
                break;
            case "inspect_request":
                var (inspected, at) = CodeAndCursor(request);
                var found = CodeIntelligence.Inspect(execution.Engine, inspected, at);
                Reply(request, "inspect_reply", new JsonObject
                {
                    ["status"] = "ok",
                    ["found"] = found is not null,
                    ["data"] = found is null ? new JsonObject() : new JsonObject { ["text/plain"] = found },
                    ["metadata"] = new JsonObject(),
                });
                break;
            case "history_request":
                Reply(request, "history_reply", execution.History.Answer(request));
                break;
            case "comm_info_request":
                Reply(request, "comm_info_reply", new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() });
                break;
            case "comm_open" or "comm_msg" or "comm_close":
                break; // no comm targets: widgets are not supported
            default:
                log($"ignored shell message {request.MessageType}");
                break;
        }
        return false;
    }

    /// <summary>The <c>code</c> and <c>cursor_pos</c> (default: the end) of a completion or inspection request.</summary>
    private static (string Code, int Cursor) CodeAndCursor(JupyterMessage request)
    {
        var code = MessageContent.String(request, "code");
        return (code, MessageContent.Int(request, "cursor_pos", code.Length));
    }

    private void Reply(JupyterMessage request, string type, JsonObject content) => session.Reply(KernelChannel.Shell, request, type, content);

    /// <summary>Answer the queued execute requests <c>aborted</c>; returns the other queued requests, in order, still to answer.</summary>
    private List<JupyterMessage> AbortQueuedExecutions()
    {
        var keep = new List<JupyterMessage>();
        while (queue.Reader.TryRead(out var queued))
        {
            if (queued.MessageType != "execute_request") { keep.Add(queued); continue; }
            session.Status("busy", queued);
            Reply(queued, "execute_reply", new JsonObject { ["status"] = "aborted", ["execution_count"] = execution.Engine.ExecutionCount });
            session.Status("idle", queued);
        }
        return keep;
    }
}
