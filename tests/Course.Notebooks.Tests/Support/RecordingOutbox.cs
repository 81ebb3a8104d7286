using System.Collections.Concurrent;
using Course.Notebooks.Kernel;

namespace Course.Notebooks.Tests.Support;

/// <summary>The kernel's outbox in a test: every message sent, in order, and whether the kernel asked to stop.</summary>
internal sealed class RecordingOutbox : IKernelOutbox
{
    private readonly ConcurrentQueue<(KernelChannel Channel, JupyterMessage Message)> sent = new();

    public bool Stopped { get; private set; }

    public IReadOnlyList<(KernelChannel Channel, JupyterMessage Message)> Sent => sent.ToList();

    /// <summary>The types of the messages sent on <paramref name="channel"/>, in order.</summary>
    public IReadOnlyList<string> Types(KernelChannel channel) => Sent.Where(m => m.Channel == channel).Select(m => m.Message.MessageType).ToList();

    /// <summary>The one message of <paramref name="type"/> sent on <paramref name="channel"/>.</summary>
    public JupyterMessage Single(KernelChannel channel, string type) => Assert.Single(Sent, m => m.Channel == channel && m.Message.MessageType == type).Message;

    public void Send(KernelChannel channel, JupyterMessage message)
    {
        sent.Enqueue((channel, message));
        Arrived?.Invoke(channel, message);
    }

    public void StopAfterSent() => Stopped = true;

    /// <summary>Called for each message as it is sent (from the sender's thread).</summary>
    public Action<KernelChannel, JupyterMessage>? Arrived { get; set; }
}
