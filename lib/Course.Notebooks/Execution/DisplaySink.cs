using Course.Interactive;
using Course.Notebooks.Formatting;
using Course.Notebooks.Document;

namespace Course.Notebooks.Execution;

/// <summary>Puts displayed values into the running cell's outputs, updates and clears them in place.</summary>
/// <remarks>Values become bundles through <see cref="DisplayBundle"/>; the listener hears each change (the kernel sends
/// <c>display_data</c>, <c>update_display_data</c> and <c>clear_output</c>). A cleared display is removed from the
/// executed notebook and updated to an empty bundle in the kernel, as Jupyter has no message to remove one display.</remarks>
internal sealed class DisplaySink(IExecutionListener listener) : IDisplaySink
{
    private readonly Dictionary<string, List<CellOutput>> owners = new(StringComparer.Ordinal);
    private List<CellOutput>? lastTarget;

    /// <summary>The outputs of the cell now running (null between cells).</summary>
    public List<CellOutput>? Target
    {
        get;
        set
        {
            field = value;
            if (value is not null) lastTarget = value;
        }
    }

    public void Display(DisplayHandle handle, object? value)
    {
        var outputs = Target ?? lastTarget;
        if (outputs is null) return;
        var output = new DisplayDataOutput(DisplayBundle.For(value), handle.DisplayId);
        lock (outputs)
        {
            outputs.Add(output);
            owners[handle.DisplayId] = outputs;
        }
        listener.OnDisplay(output);
    }

    public void Update(DisplayHandle handle, object? value)
    {
        if (!owners.TryGetValue(handle.DisplayId, out var outputs)) return;
        var output = new DisplayDataOutput(DisplayBundle.For(value), handle.DisplayId);
        lock (outputs)
        {
            var index = outputs.FindIndex(o => o is DisplayDataOutput d && d.DisplayId == handle.DisplayId);
            if (index >= 0) outputs[index] = output;
        }
        listener.OnUpdateDisplay(output);
    }

    public void Clear(DisplayHandle handle)
    {
        if (!owners.Remove(handle.DisplayId, out var outputs)) return;
        lock (outputs) outputs.RemoveAll(o => o is DisplayDataOutput d && d.DisplayId == handle.DisplayId);
        listener.OnUpdateDisplay(new DisplayDataOutput(new Dictionary<string, string>(), handle.DisplayId));
    }

    public void ClearOutput()
    {
        if (Target is not { } outputs) return;
        lock (outputs) outputs.Clear();
        listener.OnClearOutput();
    }
}
