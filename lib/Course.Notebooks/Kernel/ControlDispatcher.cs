using System.Text.Json.Nodes;

namespace Course.Notebooks.Kernel;

/// <summary>Answers the control channel at once, even while a cell runs: interrupt, shutdown, kernel info.</summary>
/// <remarks>Runs on the transport's thread; a mistyped request gets an error reply and never stops the kernel.</remarks>
internal sealed class ControlDispatcher(KernelSession session, Action interrupt, Action<string> log)
{
    /// <summary>Handle one control message.</summary>
    public void Handle(JupyterMessage request)
    {
        session.Status("busy", request);
        try
        {
            switch (request.MessageType)
            {
                case "interrupt_request":
                    interrupt();
                    session.Reply(KernelChannel.Control, request, "interrupt_reply", new JsonObject { ["status"] = "ok" });
                    break;
                case "shutdown_request":
                    var restart = MessageContent.Bool(request, "restart", false);
                    var reply = new JsonObject { ["status"] = "ok", ["restart"] = restart };
                    session.Reply(KernelChannel.Control, request, "shutdown_reply", reply);
                    session.Publish("shutdown_reply", (JsonObject)reply.DeepClone(), request);
                    log("shutdown requested");
                    session.Status("idle", request);
                    session.StopAfterSent();
                    return;
                case "kernel_info_request":
                    session.Reply(KernelChannel.Control, request, "kernel_info_reply", KernelInfo.Content());
                    break;
                default:
                    log($"ignored control message {request.MessageType}");
                    break;
            }
        }
        catch (BadRequestException e)
        {
            log(e.Message);
            session.ErrorReply(KernelChannel.Control, request, e);
        }
        session.Status("idle", request);
    }
}
