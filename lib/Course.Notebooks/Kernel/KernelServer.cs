using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Course.Interactive;
using Course.Notebooks.Document;
using Course.Notebooks.Execution;
using NetMQ;
using NetMQ.Sockets;

namespace Course.Notebooks.Kernel;

/// <summary>The Jupyter kernel: five ZeroMQ sockets in front of one <see cref="NotebookEngine"/>.</summary>
/// <remarks>
/// One poller thread owns every socket (NetMQ sockets are not thread-safe); it verifies each message's
/// signature, answers heartbeats and control requests at once, and queues shell requests for one worker
/// that runs them in order. Everything the kernel sends goes through the poller's outbox.
/// Messaging protocol 5.3; DESIGN.md, "course kernel".
/// </remarks>
public sealed class KernelServer : IExecutionListener, IDisposable
{
    private enum Socket { Shell, Control, Stdin, Iopub }

    private readonly ConnectionInfo connection;
    private readonly MessageSigner signer;
    private readonly TextWriter log;
    private readonly string session = Guid.NewGuid().ToString("N");
    private readonly NotebookEngine engine;
    private readonly KernelParameters parameters;
    private readonly KernelInput input;
    private readonly Channel<JupyterMessage> shellQueue = Channel.CreateUnbounded<JupyterMessage>(new() { SingleReader = true });
    private readonly NetMQQueue<(Socket Socket, JupyterMessage? Message)> outbox = new();
    private readonly TaskCompletionSource stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly RouterSocket shell = new(), control = new(), stdin = new();
    private readonly PublisherSocket iopub = new();
    private readonly ResponseSocket heartbeat = new();
    private NetMQPoller? poller;
    private CancellationTokenSource? running;
    private JupyterMessage? current;
    private bool currentSilent;
    private TaskCompletionSource<string>? pendingInput;
    private string? plotlyCarrier; // display id of the output that carries plotly.js ("" for a result)
    private bool abortQueued;
    private int shuttingDown;
    private readonly string? metricsFile = Environment.GetEnvironmentVariable(MetricsFileVariable);

    /// <summary>
    /// Environment variable naming a JSON file the kernel keeps up to date with the figures the notebook recorded
    /// (<c>Metrics.Record</c>), as <c>course run</c> writes them to <c>metrics.json</c>; unset, nothing is written.
    /// </summary>
    public const string MetricsFileVariable = "COURSE_METRICS_FILE";

    /// <summary>A kernel for <paramref name="connection"/> whose cells start in <paramref name="workingDirectory"/>; diagnostics go to <paramref name="log"/>.</summary>
    public KernelServer(ConnectionInfo connection, string workingDirectory, TextWriter log, KernelParameters? parameters = null)
    {
        this.connection = connection;
        this.log = log;
        signer = new MessageSigner(connection.Key);
        input = new KernelInput(RequestLine);
        engine = new NotebookEngine(workingDirectory, this, input);
        this.parameters = parameters ?? KernelParameters.FromEnvironment();
    }

    /// <summary>Bind the sockets and serve until a <c>shutdown_request</c> (or the parent process exits); returns the exit code.</summary>
    public async Task<int> RunAsync(CancellationToken cancellation = default)
    {
        ConsoleCapture.Install();
        foreach (var s in new NetMQSocket[] { shell, control, stdin, iopub, heartbeat }) s.Options.Linger = TimeSpan.FromSeconds(1);
        if (!connection.IsLoopback) Log($"warning: binding to {connection.Ip}, which is not a loopback address; other hosts can reach this kernel.");
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

        shell.ReceiveReady += (_, e) => Receive(e.Socket, "shell", m => shellQueue.Writer.TryWrite(m));
        control.ReceiveReady += (_, e) => Receive(e.Socket, "control", HandleControl);
        stdin.ReceiveReady += (_, e) => Receive(e.Socket, "stdin", HandleStdin);
        heartbeat.ReceiveReady += (_, e) => e.Socket.SendMultipartBytes(e.Socket.ReceiveMultipartBytes());
        outbox.ReceiveReady += (_, _) => Flush();
        poller = new NetMQPoller { shell, control, stdin, heartbeat, outbox };
        poller.RunAsync("course-kernel-poller", isBackgroundThread: true);
        Publish("status", new JsonObject { ["execution_state"] = "starting" }, null);
        _ = Task.Run(WarmUp, CancellationToken.None);
        var startup = DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime;
        Log($"listening {startup.TotalSeconds:F1} s after process start on {connection.Ip} (shell {connection.ShellPort}, control {connection.ControlPort}, iopub {connection.IopubPort}, stdin {connection.StdinPort}, hb {connection.HeartbeatPort})");

        var worker = Task.Run(ServeShellAsync, CancellationToken.None);
        using var parentWatch = WatchParent();
        using var registration = cancellation.Register(() => RequestStop("the host cancelled"));
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; Interrupt(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; RequestStop("SIGTERM"); });
        await stopped.Task;
        shellQueue.Writer.TryComplete();
        try { running?.Cancel(); }
        catch (ObjectDisposedException) { }
        poller.Stop();
        await Task.WhenAny(worker, Task.Delay(TimeSpan.FromSeconds(2)));
        return 0;
    }

    /// <summary>Close the sockets.</summary>
    public void Dispose()
    {
        poller?.Dispose();
        foreach (var s in new NetMQSocket[] { shell, control, stdin, iopub, heartbeat }) s.Dispose();
        outbox.Dispose();
        NetMQConfig.Cleanup(block: true);
    }

    // ---- receiving (poller thread) ----

    private void Receive(NetMQSocket socket, string channel, Action<JupyterMessage> handle)
    {
        var frames = socket.ReceiveMultipartBytes();
        var message = WireFormat.Parse(frames, signer, out var rejection);
        if (message is null)
        {
            Log($"dropped a message on {channel}: {rejection}");
            return;
        }
        handle(message);
    }

    private void HandleControl(JupyterMessage request)
    {
        Publish("status", new JsonObject { ["execution_state"] = "busy" }, request);
        switch (request.MessageType)
        {
            case "interrupt_request":
                Interrupt();
                Reply(Socket.Control, request, "interrupt_reply", new JsonObject { ["status"] = "ok" });
                break;
            case "shutdown_request":
                var restart = request.Content["restart"]?.GetValue<bool>() ?? false;
                var reply = new JsonObject { ["status"] = "ok", ["restart"] = restart };
                Reply(Socket.Control, request, "shutdown_reply", reply);
                Publish("shutdown_reply", (JsonObject)reply.DeepClone(), request);
                Log("shutdown requested");
                Publish("status", new JsonObject { ["execution_state"] = "idle" }, request);
                outbox.Enqueue((Socket.Control, null)); // stop once everything before it is sent
                return;
            case "kernel_info_request":
                Reply(Socket.Control, request, "kernel_info_reply", KernelInfo());
                break;
            default:
                Log($"ignored control message {request.MessageType}");
                break;
        }
        Publish("status", new JsonObject { ["execution_state"] = "idle" }, request);
    }

    private void HandleStdin(JupyterMessage reply)
    {
        if (reply.MessageType != "input_reply") { Log($"ignored stdin message {reply.MessageType}"); return; }
        pendingInput?.TrySetResult(reply.Content["value"]?.GetValue<string>() ?? "");
    }

    // ---- sending (any thread → poller thread) ----

    private void Flush()
    {
        while (outbox.TryDequeue(out var item, TimeSpan.Zero))
        {
            if (item.Message is null)
            {
                RequestStop("shutdown_request");
                continue;
            }
            var target = item.Socket switch { Socket.Shell => shell, Socket.Control => control, Socket.Stdin => stdin, _ => (NetMQSocket)iopub };
            target.SendMultipartBytes(WireFormat.Serialize(item.Message, signer));
        }
    }

    private void Reply(Socket socket, JupyterMessage request, string type, JsonObject content) =>
        outbox.Enqueue((socket, JupyterMessage.Create(session, type, content, request)));

    private void Publish(string type, JsonObject content, JupyterMessage? parent)
    {
        var message = JupyterMessage.Create(session, type, content, parent);
        outbox.Enqueue((Socket.Iopub, message with { Identities = [System.Text.Encoding.UTF8.GetBytes($"kernel.{session}.{type}")] }));
    }

    private void RequestStop(string why)
    {
        if (Interlocked.Exchange(ref shuttingDown, 1) == 1) return;
        Log($"stopping: {why}");
        stopped.TrySetResult();
    }

    private void Interrupt()
    {
        Log("interrupt");
        try { running?.Cancel(); }
        catch (ObjectDisposedException) { } // the cell finished meanwhile
        pendingInput?.TrySetCanceled();
    }

    // ---- shell (worker, one request at a time) ----

    private async Task ServeShellAsync()
    {
        await foreach (var request in shellQueue.Reader.ReadAllAsync())
        {
            Publish("status", new JsonObject { ["execution_state"] = "busy" }, request);
            try
            {
                await HandleShellAsync(request);
            }
            catch (Exception e)
            {
                Log($"{request.MessageType} failed: {e}");
                if (request.MessageType.EndsWith("_request", StringComparison.Ordinal)) // never leave a client waiting
                    Reply(Socket.Shell, request, request.MessageType[..^"_request".Length] + "_reply", new JsonObject
                    {
                        ["status"] = "error", ["ename"] = e.GetType().Name, ["evalue"] = e.Message, ["traceback"] = new JsonArray(),
                    });
            }
            Publish("status", new JsonObject { ["execution_state"] = "idle" }, request);
            if (abortQueued) AbortQueuedExecutions();
        }
    }

    /// <summary>After a failed cell with <c>stop_on_error</c>, answer the execute requests already queued with <c>aborted</c> (as ipykernel does for "Run All").</summary>
    private void AbortQueuedExecutions()
    {
        abortQueued = false;
        var keep = new List<JupyterMessage>();
        while (shellQueue.Reader.TryRead(out var queued))
        {
            if (queued.MessageType != "execute_request") { keep.Add(queued); continue; }
            Publish("status", new JsonObject { ["execution_state"] = "busy" }, queued);
            Reply(Socket.Shell, queued, "execute_reply", new JsonObject { ["status"] = "aborted", ["execution_count"] = engine.ExecutionCount });
            Publish("status", new JsonObject { ["execution_state"] = "idle" }, queued);
        }
        foreach (var other in keep) shellQueue.Writer.TryWrite(other);
    }

    private async Task HandleShellAsync(JupyterMessage request)
    {
        var content = request.Content;
        switch (request.MessageType)
        {
            case "kernel_info_request":
                Reply(Socket.Shell, request, "kernel_info_reply", KernelInfo());
                break;
            case "execute_request":
                await ExecuteAsync(request);
                break;
            case "is_complete_request":
                var status = CodeIntelligence.IsComplete(Text(content, "code"));
                var isComplete = new JsonObject { ["status"] = status };
                if (status == "incomplete") isComplete["indent"] = "";
                Reply(Socket.Shell, request, "is_complete_reply", isComplete);
                break;
            case "complete_request":
                var code = Text(content, "code");
                var completion = CodeIntelligence.Complete(engine, code, content["cursor_pos"]?.GetValue<int>() ?? code.Length);
                Reply(Socket.Shell, request, "complete_reply", new JsonObject
                {
                    ["status"] = "ok",
                    ["matches"] = new JsonArray(completion.Matches.Select(m => (JsonNode)m).ToArray()),
                    ["cursor_start"] = completion.CursorStart,
                    ["cursor_end"] = completion.CursorEnd,
                    ["metadata"] = new JsonObject(),
                });
                break;
            case "inspect_request":
                var inspectCode = Text(content, "code");
                var found = CodeIntelligence.Inspect(engine, inspectCode, content["cursor_pos"]?.GetValue<int>() ?? inspectCode.Length);
                Reply(Socket.Shell, request, "inspect_reply", new JsonObject
                {
                    ["status"] = "ok",
                    ["found"] = found is not null,
                    ["data"] = found is null ? new JsonObject() : new JsonObject { ["text/plain"] = found },
                    ["metadata"] = new JsonObject(),
                });
                break;
            case "history_request":
                Reply(Socket.Shell, request, "history_reply", new JsonObject { ["status"] = "ok", ["history"] = new JsonArray() });
                break;
            case "comm_info_request":
                Reply(Socket.Shell, request, "comm_info_reply", new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() });
                break;
            case "comm_open" or "comm_msg" or "comm_close":
                break; // no comm targets: widgets are not supported
            default:
                Log($"ignored shell message {request.MessageType}");
                break;
        }
    }

    private async Task ExecuteAsync(JupyterMessage request)
    {
        var content = request.Content;
        var code = Text(content, "code");
        var silent = content["silent"]?.GetValue<bool>() ?? false;
        var allowStdin = content["allow_stdin"]?.GetValue<bool>() ?? false;
        var count = engine.ExecutionCount + 1;
        if (!silent) Publish("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count }, request);

        CellResult result;
        using (var cts = new CancellationTokenSource())
        {
            current = request;
            currentSilent = silent;
            running = cts;
            input.Current = (allowStdin, cts.Token);
            try
            {
                string source;
                try
                {
                    source = parameters.Apply(code);
                }
                catch (ArgumentException e)
                {
                    Log($"COURSE_PARAMETERS not applied: {e.Message}");
                    source = code;
                }
                result = await engine.ExecuteCellAsync(NotebookCell.Code(source), cts.Token);
            }
            finally
            {
                running = null;
                input.Current = (false, CancellationToken.None);
                current = null;
            }
        }

        var reply = new JsonObject { ["execution_count"] = result.ExecutionCount };
        if (result.Error is { } error)
        {
            abortQueued = content["stop_on_error"]?.GetValue<bool>() ?? true;
            reply["status"] = "error";
            reply["ename"] = error.EName;
            reply["evalue"] = error.EValue;
            reply["traceback"] = new JsonArray(error.Traceback.Select(t => (JsonNode)t).ToArray());
        }
        else
        {
            reply["status"] = "ok";
            reply["user_expressions"] = new JsonObject();
            reply["payload"] = new JsonArray();
        }
        SaveMetrics();
        Reply(Socket.Shell, request, "execute_reply", reply);
    }

    private void SaveMetrics()
    {
        var metrics = engine.RecordedMetrics;
        if (metricsFile is null || metrics.Count == 0) return;
        try
        {
            File.WriteAllText(metricsFile, System.Text.Json.JsonSerializer.Serialize(metrics));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log($"{MetricsFileVariable}={metricsFile} could not be written: {e.Message}");
        }
    }

    private string RequestLine(string prompt, bool password, CancellationToken cancellation)
    {
        var request = current ?? throw new InvalidOperationException("Console input is only available while a cell runs.");
        var pending = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        pendingInput = pending;
        outbox.Enqueue((Socket.Stdin, JupyterMessage.Create(session, "input_request", new JsonObject { ["prompt"] = prompt, ["password"] = password }, request)));
        try
        {
            pending.Task.Wait(cancellation);
            return pending.Task.Result;
        }
        catch (Exception e) when (e is OperationCanceledException or AggregateException)
        {
            throw new OperationCanceledException("Console.ReadLine was interrupted.");
        }
        finally
        {
            pendingInput = null;
        }
    }

    // ---- IExecutionListener (the cell's thread) ----

    void IExecutionListener.OnStream(string name, string text)
    {
        if (current is { } request && !currentSilent) Publish("stream", new JsonObject { ["name"] = name, ["text"] = text }, request);
    }

    void IExecutionListener.OnDisplay(DisplayDataOutput output) => PublishDisplay("display_data", output.Data, output.DisplayId);

    void IExecutionListener.OnUpdateDisplay(DisplayDataOutput output) => PublishDisplay("update_display_data", output.Data, output.DisplayId);

    void IExecutionListener.OnResult(ExecuteResultOutput output)
    {
        if (current is not { } request || currentSilent) return;
        Publish("execute_result", new JsonObject
        {
            ["execution_count"] = output.ExecutionCount,
            ["data"] = Data(output.Data),
            ["metadata"] = new JsonObject(),
        }, request);
    }

    void IExecutionListener.OnError(ErrorOutput output)
    {
        if (current is not { } request) return;
        Publish("error", new JsonObject
        {
            ["ename"] = output.EName,
            ["evalue"] = output.EValue,
            ["traceback"] = new JsonArray(output.Traceback.Select(t => (JsonNode)t).ToArray()),
        }, request);
    }

    private void PublishDisplay(string type, IReadOnlyDictionary<string, string> data, string? displayId)
    {
        if (current is not { } request || currentSilent) return;
        var content = new JsonObject { ["data"] = Data(data, displayId), ["metadata"] = new JsonObject() };
        content["transient"] = displayId is null ? new JsonObject() : new JsonObject { ["display_id"] = displayId };
        Publish(type, content, request);
    }

    /// <summary>A MIME bundle as Jupyter JSON: <c>*json</c> types as JSON values; plotly.js prepended to the session's first chart.</summary>
    /// <remarks>An update of that chart keeps the script, so a saved notebook still carries plotly.js.</remarks>
    private JsonObject Data(IReadOnlyDictionary<string, string> bundle, string? displayId = null)
    {
        var data = new JsonObject();
        foreach (var (mime, value) in bundle)
        {
            if (mime.EndsWith("json", StringComparison.Ordinal))
            {
                try { data[mime] = JsonNode.Parse(value); continue; }
                catch (JsonException) { }
            }
            data[mime] = value;
        }
        var carrier = plotlyCarrier is not null && displayId == plotlyCarrier;
        if ((plotlyCarrier is null || carrier) && data[MimeBundle.Html]?.GetValue<string>() is { } html && html.Contains("course-plotly", StringComparison.Ordinal))
        {
            data[MimeBundle.Html] = PlotlyLoader.Html + html;
            plotlyCarrier ??= displayId ?? "";
        }
        return data;
    }

    /// <summary>Compile and run a throw-away script while the client connects, so the first cell does not pay for Roslyn's JIT alone.</summary>
    private void WarmUp()
    {
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            _ = Microsoft.CodeAnalysis.CSharp.Scripting.CSharpScript.EvaluateAsync<int>("1 + 1").GetAwaiter().GetResult();
            Log($"Roslyn warmed up in {clock.Elapsed.TotalSeconds:F1} s");
        }
        catch (Exception e)
        {
            Log($"warm-up failed (harmless): {e.Message}");
        }
    }

    private static JsonObject KernelInfo() => new()
    {
        ["status"] = "ok",
        ["protocol_version"] = JupyterMessage.ProtocolVersion,
        ["implementation"] = "course",
        ["implementation_version"] = typeof(KernelServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1.0",
        ["language_info"] = new JsonObject
        {
            ["name"] = "C#",
            ["version"] = "14.0",
            ["mimetype"] = "text/x-csharp",
            ["file_extension"] = ".cs",
            ["pygments_lexer"] = "csharp",
            ["codemirror_mode"] = "text/x-csharp",
        },
        ["banner"] = "Deep Learning in C#: the course kernel (Roslyn scripting, TorchSharp).",
        ["help_links"] = new JsonArray(),
        ["debugger"] = false,
    };

    private static string Text(JsonObject content, string name) => content[name]?.GetValue<string>() ?? "";

    private IDisposable? WatchParent()
    {
        if (!OperatingSystem.IsLinux()) return null;
        var parent = ParentProcessId();
        if (parent <= 1) return null;
        return new Timer(_ =>
        {
            if (ParentProcessId() != parent) RequestStop($"the parent process {parent} exited");
        }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    private static int ParentProcessId()
    {
        try
        {
            var stat = File.ReadAllText("/proc/self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
        {
            return -1;
        }
    }

    private void Log(string text)
    {
        lock (log)
        {
            log.WriteLine($"[course kernel {DateTime.UtcNow:HH:mm:ss.fff}] {text}");
            log.Flush();
        }
    }
}
