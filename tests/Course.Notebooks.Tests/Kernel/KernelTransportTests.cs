using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Course.Notebooks.Kernel;
using Course.Notebooks.Tests.Support;
using NetMQ;
using NetMQ.Sockets;

namespace Course.Notebooks.Tests.Kernel;

/// <summary>The transport in process over real sockets: signed frames in, messages to the handler; sends out; size limit and heartbeat.</summary>
public sealed class KernelTransportTests : IDisposable
{
    private const string Key = "transport-key";
    private readonly ConnectionInfo connection;
    private readonly ConcurrentQueue<string> log = new();
    private readonly BlockingCollection<(KernelChannel Channel, JupyterMessage Message)> received = new();
    private readonly KernelTransport transport;
    private readonly MessageSigner signer = new(Key);
    private volatile bool throwNext;

    public KernelTransportTests()
    {
        var ports = FreePorts.Take(5);
        connection = new ConnectionInfo("tcp", "127.0.0.1", Key, "hmac-sha256", ports[0], ports[1], ports[2], ports[3], ports[4]);
        transport = new KernelTransport(connection, log.Enqueue);
        transport.Start((channel, message) =>
        {
            if (throwNext) { throwNext = false; throw new InvalidOperationException("handler bug"); }
            received.Add((channel, message));
        });
    }

    public void Dispose() => transport.Dispose();


    private DealerSocket Connect(int port)
    {
        var socket = new DealerSocket();
        socket.Options.Linger = TimeSpan.Zero;
        socket.Connect(connection.Endpoint(port));
        return socket;
    }

    private void Send(DealerSocket socket, string type, JsonObject content)
    {
        var message = new NetMQMessage();
        foreach (var frame in WireFormat.Serialize(JupyterMessage.Create("client", type, content), signer)) message.Append(frame);
        socket.SendMultipartMessage(message);
    }

    [Fact]
    public void ASignedMessageReachesTheHandlerWithItsChannelAndTheReplyGoesBack()
    {
        using var control = Connect(connection.ControlPort);
        Send(control, "kernel_info_request", []);
        Assert.True(received.TryTake(out var got, TimeSpan.FromSeconds(20)));
        Assert.Equal(KernelChannel.Control, got.Channel);
        Assert.Equal("kernel_info_request", got.Message.MessageType);

        transport.Send(KernelChannel.Control, JupyterMessage.Create("kernel", "kernel_info_reply", new JsonObject { ["status"] = "ok" }, got.Message));
        var frames = new List<byte[]>();
        Assert.True(control.TryReceiveMultipartBytes(TimeSpan.FromSeconds(20), ref frames));
        Assert.Equal("kernel_info_reply", WireFormat.Parse(frames!, new MessageSigner(Key), out _)!.MessageType);
    }

    [Fact]
    public void AMessageOverTheSizeLimitNeverReachesTheHandler()
    {
        using var shell = Connect(connection.ShellPort);
        Send(shell, "execute_request", new JsonObject { ["code"] = new string('x', WireFormat.MaxMessageBytes) });
        Send(shell, "kernel_info_request", []);
        Assert.True(received.TryTake(out var got, TimeSpan.FromSeconds(20)));
        Assert.Equal("kernel_info_request", got.Message.MessageType);
        Assert.Contains(log, l => l.StartsWith("dropped a message on shell: ") && l.Contains("limit"));
    }

    [Fact]
    public void AHandlerThatThrowsIsLoggedAndTheTransportKeepsServing()
    {
        throwNext = true;
        using var shell = Connect(connection.ShellPort);
        Send(shell, "history_request", []);
        Send(shell, "kernel_info_request", []);
        Assert.True(received.TryTake(out var got, TimeSpan.FromSeconds(20)));
        Assert.Equal("kernel_info_request", got.Message.MessageType);
        Assert.Contains(log, l => l.StartsWith("history_request on shell failed: ") && l.Contains("handler bug"));
    }

    [Fact]
    public void TheHeartbeatEchoesWhatItGets()
    {
        using var heartbeat = new RequestSocket();
        heartbeat.Options.Linger = TimeSpan.Zero;
        heartbeat.Connect(connection.Endpoint(connection.HeartbeatPort));
        heartbeat.SendFrame("ping");
        Assert.True(heartbeat.TryReceiveFrameString(TimeSpan.FromSeconds(20), out var echo));
        Assert.Equal("ping", echo);
    }

    [Fact]
    public async Task StopAfterSentCompletesOnceEarlierMessagesAreOut()
    {
        transport.Send(KernelChannel.Iopub, JupyterMessage.Create("kernel", "status", new JsonObject { ["execution_state"] = "idle" }));
        transport.StopAfterSent();
        Assert.Same(transport.StopRequested, await Task.WhenAny(transport.StopRequested, Task.Delay(TimeSpan.FromSeconds(20))));
    }
}
