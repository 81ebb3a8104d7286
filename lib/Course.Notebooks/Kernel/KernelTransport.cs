using NetMQ;
using NetMQ.Sockets;

namespace Course.Notebooks.Kernel;

/// <summary>The kernel's five ZeroMQ sockets: receives signed messages, sends queued ones, echoes heartbeats.</summary>
/// <remarks>
/// One poller thread owns every socket (NetMQ sockets are not thread-safe). Each received message is checked by
/// <see cref="WireFormat.Parse"/> (size limit first, then signature, then JSON) and handed to the channel's handler on
/// that thread; a dropped message is only logged. Anything sent from any thread goes through the poller's queue.
/// </remarks>
internal sealed class KernelTransport : IKernelOutbox, IDisposable
{
    private readonly ConnectionInfo connection;
    private readonly MessageSigner signer;
    private readonly Action<string> log;
    private readonly NetMQQueue<(KernelChannel Channel, JupyterMessage? Message)> outbox = new();
    private readonly RouterSocket shell = new(), control = new(), stdin = new();
    private readonly PublisherSocket iopub = new();
    private readonly ResponseSocket heartbeat = new();
    private readonly TaskCompletionSource stopRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private NetMQPoller? poller;

    /// <summary>Sockets for <paramref name="connection"/>, not yet bound.</summary>
    public KernelTransport(ConnectionInfo connection, Action<string> log)
    {
        this.connection = connection;
        this.log = log;
        signer = new MessageSigner(connection.Key);
    }

    /// <summary>Completes when a handler called <see cref="StopAfterSent"/> and everything before it went out.</summary>
    public Task StopRequested => stopRequested.Task;

    /// <summary>Bind the sockets and start the poller; <paramref name="handle"/> gets each accepted message on the poller thread.</summary>
    /// <exception cref="KernelException">A port cannot be bound.</exception>
    public void Start(Action<KernelChannel, JupyterMessage> handle)
    {
        foreach (var s in Sockets) s.Options.Linger = TimeSpan.FromSeconds(1);
        if (!connection.IsLoopback) log($"warning: binding to {connection.Ip}, which is not a loopback address; other hosts can reach this kernel.");
        try
        {
            shell.Bind(connection.Endpoint(connection.ShellPort));
            control.Bind(connection.Endpoint(connection.ControlPort));
            stdin.Bind(connection.Endpoint(connection.StdinPort));
            iopub.Bind(connection.Endpoint(connection.IopubPort));
            heartbeat.Bind(connection.Endpoint(connection.HeartbeatPort));
        }
        catch (NetMQException e)
        {
            throw new KernelException($"cannot bind {connection.Ip}: {e.Message} (is another kernel using these ports?)");
        }
        shell.ReceiveReady += (_, e) => Receive(e.Socket, KernelChannel.Shell, handle);
        control.ReceiveReady += (_, e) => Receive(e.Socket, KernelChannel.Control, handle);
        stdin.ReceiveReady += (_, e) => Receive(e.Socket, KernelChannel.Stdin, handle);
        heartbeat.ReceiveReady += (_, e) => e.Socket.SendMultipartBytes(e.Socket.ReceiveMultipartBytes());
        outbox.ReceiveReady += (_, _) => Flush();
        poller = new NetMQPoller { shell, control, stdin, heartbeat, outbox };
        poller.RunAsync("course-kernel-poller", isBackgroundThread: true);
    }

    /// <inheritdoc/>
    public void Send(KernelChannel channel, JupyterMessage message) => outbox.Enqueue((channel, message));

    /// <inheritdoc/>
    public void StopAfterSent() => outbox.Enqueue((KernelChannel.Control, null));

    /// <summary>Stop the poller (what is queued may stay unsent).</summary>
    public void Stop() => poller?.Stop();

    /// <summary>Close the sockets (the process's NetMQ context stays: <see cref="KernelServer"/> ends it).</summary>
    public void Dispose()
    {
        poller?.Dispose();
        foreach (var s in Sockets) s.Dispose();
        outbox.Dispose();
    }

    private NetMQSocket[] Sockets => [shell, control, stdin, iopub, heartbeat];

    private void Receive(NetMQSocket socket, KernelChannel channel, Action<KernelChannel, JupyterMessage> handle)
    {
        var frames = socket.ReceiveMultipartBytes();
        var message = WireFormat.Parse(frames, signer, out var rejection);
        if (message is null)
        {
            log($"dropped a message on {channel.ToString().ToLowerInvariant()}: {rejection}");
            return;
        }
        try
        {
            handle(channel, message);
        }
        catch (Exception e)
        {
            log($"{message.MessageType} on {channel.ToString().ToLowerInvariant()} failed: {e}"); // the poller thread must survive
        }
    }

    private void Flush()
    {
        while (outbox.TryDequeue(out var item, TimeSpan.Zero))
        {
            if (item.Message is null)
            {
                stopRequested.TrySetResult();
                continue;
            }
            NetMQSocket target = item.Channel switch { KernelChannel.Shell => shell, KernelChannel.Control => control, KernelChannel.Stdin => stdin, _ => iopub };
            target.SendMultipartBytes(WireFormat.Serialize(item.Message, signer));
        }
    }
}
