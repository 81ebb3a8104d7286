using Course.Interactive;
using Course.Notebooks.Document;

namespace Course.Notebooks.Execution;

/// <summary>Puts displayed values into the running cell's outputs and updates them in place.</summary>
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
        var output = new DisplayDataOutput(MimeBundle.From(value), handle.DisplayId);
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
        var output = new DisplayDataOutput(MimeBundle.From(value), handle.DisplayId);
        lock (outputs)
        {
            var index = outputs.FindIndex(o => o is DisplayDataOutput d && d.DisplayId == handle.DisplayId);
            if (index >= 0) outputs[index] = output;
        }
        listener.OnUpdateDisplay(output);
    }

    public void ClearOutput()
    {
        if (Target is not { } outputs) return;
        lock (outputs) outputs.Clear();
        listener.OnClearOutput();
    }
}
