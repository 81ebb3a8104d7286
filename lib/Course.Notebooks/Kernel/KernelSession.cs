using System.Text;
using System.Text.Json.Nodes;

namespace Course.Notebooks.Kernel;

/// <summary>The kernel's side of the session: replies, broadcasts and busy/idle status, all through one <see cref="IKernelOutbox"/>.</summary>
internal sealed class KernelSession(IKernelOutbox outbox)
{
    /// <summary>This kernel's session id, in every header it sends.</summary>
    public string Id { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Answer <paramref name="request"/> on <paramref name="channel"/>.</summary>
    public void Reply(KernelChannel channel, JupyterMessage request, string type, JsonObject content) =>
        outbox.Send(channel, JupyterMessage.Create(Id, type, content, request));

    /// <summary>Answer <paramref name="request"/> with <c>status: error</c> in its <c>…_reply</c>, so no client is left waiting.</summary>
    public void ErrorReply(KernelChannel channel, JupyterMessage request, Exception error)
    {
        var type = request.MessageType.EndsWith("_request", StringComparison.Ordinal) ? request.MessageType[..^"_request".Length] + "_reply" : "error_reply";
        Reply(channel, request, type, new JsonObject
        {
            ["status"] = "error",
            ["ename"] = error is BadRequestException ? "BadRequest" : error.GetType().Name,
            ["evalue"] = error.Message,
            ["traceback"] = new JsonArray(),
        });
    }

    /// <summary>Broadcast on iopub, as a child of <paramref name="parent"/>.</summary>
    public void Publish(string type, JsonObject content, JupyterMessage? parent)
    {
        var message = JupyterMessage.Create(Id, type, content, parent);
        outbox.Send(KernelChannel.Iopub, message with { Identities = [Encoding.UTF8.GetBytes($"kernel.{Id}.{type}")] });
    }

    /// <summary>Broadcast the kernel's <c>execution_state</c>: <c>starting</c>, <c>busy</c> or <c>idle</c>.</summary>
    public void Status(string state, JupyterMessage? parent) => Publish("status", new JsonObject { ["execution_state"] = state }, parent);

    /// <summary>Stop once everything sent so far has gone out.</summary>
    public void StopAfterSent() => outbox.StopAfterSent();
}
