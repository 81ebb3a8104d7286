using Course.Interactive;

namespace Course.Notebooks.Execution;

/// <summary>The names every notebook cell can use without a <c>using</c>, as in .NET Interactive.</summary>
/// <remarks>Roslyn scripting exposes the public members of this object as globals.</remarks>
public class ScriptGlobals
{
    /// <summary>Show a value in the cell's output; <c>.Update(x)</c> on the result replaces it in place.</summary>
#pragma warning disable IDE1006 // lower-case name kept for compatibility with Polyglot Notebooks' display().
    public DisplayHandle display(object? value) => Notebook.Display(value);
#pragma warning restore IDE1006

    /// <summary>Remove every output this cell has shown so far (Jupyter's <c>clear_output</c>).</summary>
    public void ClearOutput() => Notebook.ClearOutput();
}
