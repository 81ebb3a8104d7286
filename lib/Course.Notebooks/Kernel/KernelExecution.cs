using System.Text.Json.Nodes;
using Course.Notebooks.Document;
using Course.Notebooks.Execution;
using Course.Notebooks.Running;

namespace Course.Notebooks.Kernel;

/// <summary>The kernel's front end over one <see cref="NotebookEngine"/>: runs <c>execute_request</c>s and broadcasts what the cell shows.</summary>
/// <remarks>
/// Outputs become iopub messages through <see cref="OutputJson"/> (the mapping the <c>.ipynb</c> writer uses); the first
/// Plotly chart of the session carries plotly.js (<see cref="PlotlyLoader"/>); <c>Console.ReadLine</c> asks the front end
/// through stdin; after each cell the notebook's metrics go to <c>COURSE_METRICS_FILE</c> in <see cref="MetricsFile"/>'s shape.
/// </remarks>
internal sealed class KernelExecution : IExecutionListener
{
    private readonly KernelSession session;
    private readonly KernelParameters parameters;
    private readonly KernelInput input;
    private readonly Action<string> log;
    private readonly string? metricsFile;
    private readonly string notebookName;
    private readonly PlotlyCarrier plotly = new();
    private JupyterMessage? current;
    private bool currentSilent;
    private CancellationTokenSource? running;
    private TaskCompletionSource<string>? pendingInput;

    /// <summary>A front end whose cells start in <paramref name="workingDirectory"/>.</summary>
    /// <param name="session">Where replies and broadcasts go.</param>
    /// <param name="workingDirectory">The notebook's folder.</param>
    /// <param name="parameters"><c>COURSE_PARAMETERS</c>'s overrides.</param>
    /// <param name="metricsFile">The file kept up to date with the notebook's metrics, or null.</param>
    /// <param name="notebookName">The notebook's stem, the metrics file's key.</param>
    /// <param name="log">Diagnostics.</param>
    public KernelExecution(KernelSession session, string workingDirectory, KernelParameters parameters, string? metricsFile, string notebookName, Action<string> log)
    {
        this.session = session;
        this.parameters = parameters;
        this.metricsFile = metricsFile;
        this.notebookName = notebookName;
        this.log = log;
        input = new KernelInput(RequestLine);
        Engine = new NotebookEngine(workingDirectory, this, input);
    }

    /// <summary>The engine that runs the cells (completion and inspection read it too).</summary>
    public NotebookEngine Engine { get; }

    /// <summary>Run an <c>execute_request</c>; returns the <c>execute_reply</c> content and whether queued requests must be aborted.</summary>
    /// <exception cref="BadRequestException">A field has the wrong type; nothing ran.</exception>
    public async Task<(JsonObject Reply, bool AbortQueued)> ExecuteAsync(JupyterMessage request)
    {
        var code = MessageContent.String(request, "code");
        var silent = MessageContent.Bool(request, "silent", false);
        var allowStdin = MessageContent.Bool(request, "allow_stdin", false);
        var stopOnError = MessageContent.Bool(request, "stop_on_error", true);
        var storeHistory = !silent && MessageContent.Bool(request, "store_history", true);
        if (!silent) session.Publish("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = Engine.ExecutionCount + 1 }, request);
        var help = HelpQuery.Target(code);
        var ran = help is null ? WithParameters(code) : "";

        CellResult result;
        using (var cts = new CancellationTokenSource())
        {
            current = request;
            currentSilent = silent;
            running = cts;
            input.Current = (allowStdin, cts.Token);
            try
            {
                result = await Engine.ExecuteCellAsync(NotebookCell.Code(ran), cts.Token); // a help query runs as an empty cell: it takes a number
            }
            finally
            {
                running = null;
                input.Current = (false, CancellationToken.None);
                current = null;
            }
        }

        SaveMetrics();
        if (storeHistory)
            History.Record(result.ExecutionCount, code, help is null ? ran : code,
                result.Outputs.OfType<ExecuteResultOutput>().LastOrDefault()?.Data.GetValueOrDefault(MimeTypes.PlainText));
        if (result.Error is { } error)
        {
            var reply = OutputJson.Fields(error, lines: false);
            reply["status"] = "error";
            reply["execution_count"] = result.ExecutionCount;
            return (reply, stopOnError);
        }
        return (new JsonObject
        {
            ["status"] = "ok", ["execution_count"] = result.ExecutionCount, ["user_expressions"] = new JsonObject(),
            ["payload"] = help is null ? new JsonArray() : HelpPayload(request, help, silent),
        }, false);
    }

    /// <summary>The cells run so far, for <c>history_request</c>.</summary>
    public KernelHistory History { get; } = new();

    /// <summary>The pager payload describing <paramref name="name"/> (IPython's <c>name?</c>), or a note on stdout when there is no such symbol.</summary>
    private JsonArray HelpPayload(JupyterMessage request, string name, bool silent)
    {
        var text = CodeIntelligence.Inspect(Engine, name, CodeIntelligence.ToCodePoints(name, name.Length));
        if (text is not null)
            return [new JsonObject { ["source"] = "page", ["data"] = new JsonObject { [MimeTypes.PlainText] = text }, ["start"] = 0 }];
        if (!silent) session.Publish("stream", OutputJson.Fields(new StreamOutput("stdout", $"Object `{name}` not found.\n"), lines: false), request);
        return [];
    }

    /// <summary>Stop the running cell (between batches of a training loop) and any pending <c>Console.ReadLine</c>.</summary>
    public void Interrupt()
    {
        try { running?.Cancel(); }
        catch (ObjectDisposedException) { } // the cell finished meanwhile
        pendingInput?.TrySetCanceled();
    }

    /// <summary>The front end's answer to the pending <c>input_request</c>.</summary>
    public void ProvideInput(string value) => pendingInput?.TrySetResult(value);

    private string WithParameters(string code)
    {
        try
        {
            return parameters.Apply(code);
        }
        catch (ArgumentException e)
        {
            log($"COURSE_PARAMETERS not applied: {e.Message}");
            return code;
        }
    }

    private void SaveMetrics()
    {
        var metrics = Engine.RecordedMetrics;
        if (metricsFile is null || metrics.Count == 0) return;
        try
        {
            MetricsFile.Write(metricsFile, [KeyValuePair.Create(notebookName, metrics)]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log($"{KernelServer.MetricsFileVariable}={metricsFile} could not be written: {e.Message}");
        }
    }

    private string RequestLine(string prompt, bool password, CancellationToken cancellation)
    {
        var request = current ?? throw new InvalidOperationException("Console input is only available while a cell runs.");
        var pending = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        pendingInput = pending;
        session.Reply(KernelChannel.Stdin, request, "input_request", new JsonObject { ["prompt"] = prompt, ["password"] = password });
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
        if (current is { } request && !currentSilent) session.Publish("stream", OutputJson.Fields(new StreamOutput(name, text), lines: false), request);
    }

    void IExecutionListener.OnDisplay(DisplayDataOutput output) => PublishDisplay("display_data", output);

    void IExecutionListener.OnUpdateDisplay(DisplayDataOutput output) => PublishDisplay("update_display_data", output);

    void IExecutionListener.OnClearOutput()
    {
        if (current is { } request && !currentSilent) session.Publish("clear_output", new JsonObject { ["wait"] = false }, request);
    }

    void IExecutionListener.OnResult(ExecuteResultOutput output)
    {
        if (current is not { } request || currentSilent) return;
        session.Publish("execute_result", OutputJson.Fields(output with { Data = plotly.Carry(output.Data, null) }, lines: false), request);
    }

    void IExecutionListener.OnError(ErrorOutput output)
    {
        if (current is { } request) session.Publish("error", OutputJson.Fields(output, lines: false), request);
    }

    private void PublishDisplay(string type, DisplayDataOutput output)
    {
        if (current is not { } request || currentSilent) return;
        var content = OutputJson.Fields(output with { Data = plotly.Carry(output.Data, output.DisplayId) }, lines: false);
        content["transient"] = output.DisplayId is null ? new JsonObject() : new JsonObject { ["display_id"] = output.DisplayId };
        session.Publish(type, content, request);
    }
}
