namespace Course.Notebooks.Kernel;

/// <summary>Hands the front end's <c>input_reply</c> to the cell waiting in <c>Console.ReadLine</c>.</summary>
internal sealed class StdinDispatcher(KernelExecution execution, Action<string> log)
{
    /// <summary>Handle one stdin message; anything but a well-formed <c>input_reply</c> is logged and ignored.</summary>
    public void Handle(JupyterMessage reply)
    {
        if (reply.MessageType != "input_reply") { log($"ignored stdin message {reply.MessageType}"); return; }
        try
        {
            execution.ProvideInput(MessageContent.String(reply, "value"));
        }
        catch (BadRequestException e)
        {
            log(e.Message); // stdin has no reply to carry an error; the cell keeps waiting or is interrupted
        }
    }
}
