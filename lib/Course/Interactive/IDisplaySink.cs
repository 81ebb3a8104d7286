namespace Course.Interactive;

/// <summary>Where displayed values go: the notebook engine's current cell, or the console.</summary>
/// <remarks>The engine installs its own sink in <see cref="Notebook.Sink"/> while a cell runs.</remarks>
public interface IDisplaySink
{
    /// <summary>Show <paramref name="value"/> as a new output identified by <paramref name="handle"/>.</summary>
    void Display(DisplayHandle handle, object? value);

    /// <summary>Replace the output shown for <paramref name="handle"/> with <paramref name="value"/>.</summary>
    void Update(DisplayHandle handle, object? value);

    /// <summary>Remove the output shown for <paramref name="handle"/>; by default nothing happens.</summary>
    void Clear(DisplayHandle handle) { }

    /// <summary>Remove every output the running cell has shown so far (Jupyter's <c>clear_output</c>); by default nothing happens.</summary>
    void ClearOutput() { }
}
