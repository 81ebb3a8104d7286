namespace Course.Interactive;

/// <summary>Where displayed values go: the notebook engine's current cell, or the console.</summary>
/// <remarks>The engine installs its own sink in <see cref="Notebook.Sink"/> while a cell runs.</remarks>
public interface IDisplaySink
{
    /// <summary>Show <paramref name="value"/> as a new output identified by <paramref name="handle"/>.</summary>
    void Display(DisplayHandle handle, object? value);

    /// <summary>Replace the output shown for <paramref name="handle"/> with <paramref name="value"/>.</summary>
    void Update(DisplayHandle handle, object? value);

    /// <summary>Remove what the current cell has shown so far; with <paramref name="wait"/>, a front end waits for the next output before clearing (no flicker).</summary>
    void Clear(bool wait) { }
}
