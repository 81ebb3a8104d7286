using System.Runtime.InteropServices;
using Course.Notebooks.Execution;

namespace Course.Notebooks.Kernel;

/// <summary>The Jupyter kernel: <see cref="KernelTransport"/>'s sockets, one dispatcher per channel, and <see cref="KernelExecution"/> over one engine.</summary>
/// <remarks>
/// Control requests (interrupt, shutdown) are answered at once on the transport's thread; shell requests queue for one
/// worker that runs them in order; stdin carries the answers to <c>Console.ReadLine</c>. This class only wires the
/// parts together and runs the kernel's life: start-up, warm-up, signals, the parent process, shutdown.
/// Messaging protocol 5.3; DESIGN.md, "course kernel".
/// </remarks>
public sealed class KernelServer : IDisposable
{
    private readonly TextWriter log;
    private readonly ConnectionInfo connection;
    private readonly KernelTransport transport;
    private readonly KernelSession session;
    private readonly KernelExecution execution;
    private readonly ShellDispatcher shell;
    private readonly ControlDispatcher control;
    private readonly StdinDispatcher stdin;
    private readonly TaskCompletionSource stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int shuttingDown;

    /// <summary>
    /// Environment variable naming a JSON file the kernel keeps up to date with the figures the notebook recorded
    /// (<c>Metrics.Record</c>), in the shape <c>course run</c> writes <c>metrics.json</c>: <c>{ "&lt;notebook&gt;": { "&lt;metric&gt;": number } }</c>
    /// (<see cref="Running.MetricsFile"/>); unset, nothing is written.
    /// </summary>
    public const string MetricsFileVariable = "COURSE_METRICS_FILE";

    /// <summary>
    /// Environment variable that Jupyter Server sets to the notebook's path; its stem names the notebook in the metrics file
    /// (<c>notebook</c> when unset).
    /// </summary>
    public const string SessionNameVariable = "JPY_SESSION_NAME";

    /// <summary>A kernel for <paramref name="connection"/> whose cells start in <paramref name="workingDirectory"/>; diagnostics go to <paramref name="log"/>.</summary>
    public KernelServer(ConnectionInfo connection, string workingDirectory, TextWriter log, KernelParameters? parameters = null)
    {
        this.log = log;
        this.connection = connection;
        transport = new KernelTransport(connection, Log);
        session = new KernelSession(transport);
        var sessionName = Environment.GetEnvironmentVariable(SessionNameVariable);
        execution = new KernelExecution(session, workingDirectory, parameters ?? KernelParameters.FromEnvironment(),
            Environment.GetEnvironmentVariable(MetricsFileVariable),
            string.IsNullOrEmpty(sessionName) ? "notebook" : Path.GetFileNameWithoutExtension(sessionName), Log);
        shell = new ShellDispatcher(session, execution, Log);
        control = new ControlDispatcher(session, Interrupt, Log);
        stdin = new StdinDispatcher(execution, Log);
    }

    /// <summary>Bind the sockets and serve until a <c>shutdown_request</c> (or the parent process exits); returns the exit code.</summary>
    /// <exception cref="KernelException">The sockets cannot be bound.</exception>
    public async Task<int> RunAsync(CancellationToken cancellation = default)
    {
        ConsoleCapture.Install();
        transport.Start(Dispatch);
        session.Status("starting", null);
        _ = Task.Run(WarmUp, CancellationToken.None);
        var startup = DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime;
        Log($"listening {startup.TotalSeconds:F1} s after process start on {connection.Ip} (shell {connection.ShellPort}, control {connection.ControlPort}, iopub {connection.IopubPort}, stdin {connection.StdinPort}, hb {connection.HeartbeatPort})");

        var worker = Task.Run(shell.ServeAsync, CancellationToken.None);
        using var parentWatch = ParentProcessWatch.Start(parent => RequestStop($"the parent process {parent} exited"));
        using var registration = cancellation.Register(() => RequestStop("the host cancelled"));
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; Interrupt(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; RequestStop("SIGTERM"); });
        _ = transport.StopRequested.ContinueWith(_ => RequestStop("shutdown_request"), TaskScheduler.Default);
        await stopped.Task;
        shell.Complete();
        execution.Interrupt();
        transport.Stop();
        await Task.WhenAny(worker, Task.Delay(TimeSpan.FromSeconds(2)));
        return 0;
    }

    /// <summary>Close the sockets and end the process's NetMQ context.</summary>
    public void Dispose()
    {
        transport.Dispose();
        NetMQ.NetMQConfig.Cleanup(block: true);
    }

    private void Dispatch(KernelChannel channel, JupyterMessage message)
    {
        switch (channel)
        {
            case KernelChannel.Shell: shell.Enqueue(message); break;
            case KernelChannel.Control: control.Handle(message); break;
            case KernelChannel.Stdin: stdin.Handle(message); break;
        }
    }

    private void Interrupt()
    {
        Log("interrupt");
        execution.Interrupt();
    }

    private void RequestStop(string why)
    {
        if (Interlocked.Exchange(ref shuttingDown, 1) == 1) return;
        Log($"stopping: {why}");
        stopped.TrySetResult();
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

    private void Log(string text)
    {
        lock (log)
        {
            log.WriteLine($"[course kernel {DateTime.UtcNow:HH:mm:ss.fff}] {text}");
            log.Flush();
        }
    }
}
