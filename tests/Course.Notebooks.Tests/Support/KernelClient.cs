using System.Diagnostics;
using System.Text.Json.Nodes;
using Course.Notebooks.Kernel;
using NetMQ;
using NetMQ.Sockets;

namespace Course.Notebooks.Tests.Support;

/// <summary>The course kernel as a child process and a bare ZeroMQ client that signs what it sends (mistyped messages included).</summary>
public sealed class KernelClient : IDisposable
{
    private const string Key = "test-key";
    private readonly Process process;
    private readonly DealerSocket shell = new(), control = new(), stdin = new();
    private readonly MessageSigner signer = new(Key);
    private readonly MessageSigner verifier = new(Key);
    private readonly string session = Guid.NewGuid().ToString("N");

    public KernelClient(TempFolder folder)
    {
        var ports = FreePorts.Take(5);
        var connection = new JsonObject
        {
            ["transport"] = "tcp", ["ip"] = "127.0.0.1", ["key"] = Key, ["signature_scheme"] = "hmac-sha256",
            ["shell_port"] = ports[0], ["control_port"] = ports[1], ["iopub_port"] = ports[2], ["stdin_port"] = ports[3], ["hb_port"] = ports[4],
        };
        var file = folder.File("connection.json");
        File.WriteAllText(file, connection.ToJsonString());
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder.Path, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Course.Cli.dll"), "kernel", "run", "-f", file }) start.ArgumentList.Add(arg);
        process = Process.Start(start)!;
        process.BeginErrorReadLine();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (Log) Log.Add(e.Data); };
        process.BeginOutputReadLine();
        shell.Connect($"tcp://127.0.0.1:{ports[0]}");
        control.Connect($"tcp://127.0.0.1:{ports[1]}");
        stdin.Connect($"tcp://127.0.0.1:{ports[3]}");
    }

    /// <summary>What the kernel wrote to standard error.</summary>
    public List<string> Log { get; } = [];

    /// <summary>True while the kernel process runs.</summary>
    public bool IsRunning => !process.HasExited;

    public void SendShell(string type, JsonObject content) => Send(shell, type, content);

    public void SendControl(string type, JsonObject content) => Send(control, type, content);

    public void SendStdin(string type, JsonObject content) => Send(stdin, type, content);

    /// <summary>Send raw frames: identities are added by the dealer socket.</summary>
    public void SendShellFrames(List<byte[]> frames)
    {
        var message = new NetMQMessage();
        foreach (var frame in frames) message.Append(frame);
        shell.SendMultipartMessage(message);
    }

    /// <summary>A signed message whose content is <paramref name="content"/>, as frames.</summary>
    public List<byte[]> Frames(string type, JsonObject content) => WireFormat.Serialize(JupyterMessage.Create(session, type, content), signer);

    /// <summary>The next reply on shell of <paramref name="type"/>, or null after <paramref name="timeout"/>.</summary>
    public JupyterMessage? ReceiveShell(string type, TimeSpan timeout) => Receive(shell, type, timeout);

    public JupyterMessage? ReceiveControl(string type, TimeSpan timeout) => Receive(control, type, timeout);

    private void Send(DealerSocket socket, string type, JsonObject content) => SendFrames(socket, Frames(type, content));

    private static void SendFrames(DealerSocket socket, List<byte[]> frames)
    {
        var message = new NetMQMessage();
        foreach (var frame in frames) message.Append(frame);
        socket.SendMultipartMessage(message);
    }

    private JupyterMessage? Receive(DealerSocket socket, string type, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var frames = new List<byte[]>();
            if (!socket.TryReceiveMultipartBytes(TimeSpan.FromMilliseconds(200), ref frames)) continue;
            var message = WireFormat.Parse(frames!, verifier, out _);
            if (message?.MessageType == type) return message;
        }
        return null;
    }


    public void Dispose()
    {
        try { if (!process.HasExited) process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        process.WaitForExit(5000);
        process.Dispose();
        foreach (var s in new NetMQSocket[] { shell, control, stdin }) { s.Options.Linger = TimeSpan.Zero; s.Dispose(); }
    }
}
