namespace Course.Interactive;

/// <summary>An output shown with <c>display(x)</c> that can be replaced in place with <see cref="Update"/>.</summary>
/// <remarks>As in .NET Interactive: <c>var h = display("epoch 1"); h.Update("epoch 2"); h.Clear();</c></remarks>
public sealed class DisplayHandle
{
    private readonly IDisplaySink sink;

    internal DisplayHandle(IDisplaySink sink)
    {
        this.sink = sink;
        DisplayId = Guid.NewGuid().ToString("N");
    }

    /// <summary>The id used for Jupyter's <c>transient.display_id</c>.</summary>
    public string DisplayId { get; }

    /// <summary>Replace the displayed value.</summary>
    public void Update(object? value) => sink.Update(this, value);

    /// <summary>Remove the displayed value from the cell's output.</summary>
    public void Clear() => sink.Clear(this);
}
