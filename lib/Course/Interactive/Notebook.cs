namespace Course.Interactive;

/// <summary>The bridge between library code and the notebook that runs it.</summary>
/// <remarks>
/// Library code (e.g. the training loop's live progress) calls <see cref="Display"/>; the engine
/// points <see cref="Sink"/> at the running cell and sets <see cref="Cancellation"/> so a Jupyter
/// interrupt stops a long loop cleanly. Outside a notebook, values go to the console.
/// Each value belongs to the running notebook's execution context (it flows with <c>async</c> code and
/// into tasks a cell starts), so notebooks running at once in one process never share them.
/// </remarks>
public static class Notebook
{
    private static readonly AsyncLocal<IDisplaySink?> currentSink = new();
    private static readonly AsyncLocal<CancellationToken> currentCancellation = new();
    private static readonly AsyncLocal<string?> currentDirectory = new();

    /// <summary>The sink for displayed values; the console when no notebook engine is running.</summary>
    public static IDisplaySink Sink
    {
        get => currentSink.Value ?? ConsoleDisplaySink.Instance;
        set => currentSink.Value = value;
    }

    /// <summary>Signalled when the user interrupts the running cell (Jupyter's interrupt).</summary>
    public static CancellationToken Cancellation
    {
        get => currentCancellation.Value;
        set => currentCancellation.Value = value;
    }

    /// <summary>The running notebook's folder, where library code resolves relative paths; the process's current directory outside a notebook.</summary>
    /// <remarks>The engine never changes the process's current directory, which notebooks running at once would share.</remarks>
    public static string WorkingDirectory
    {
        get => currentDirectory.Value ?? Environment.CurrentDirectory;
        set => currentDirectory.Value = value;
    }

    /// <summary>True when an engine (course run, the kernel) is showing outputs, not the console.</summary>
    public static bool IsInteractive => currentSink.Value is not null;

    /// <summary>Show <paramref name="value"/> in the current cell's output and return a handle to update it.</summary>
    public static DisplayHandle Display(object? value)
    {
        var sink = Sink;
        var handle = new DisplayHandle(sink);
        sink.Display(handle, value);
        return handle;
    }

    /// <summary>Remove every output the running cell has shown so far (Jupyter's <c>clear_output</c>).</summary>
    public static void ClearOutput() => Sink.ClearOutput();
}
