using Course.Interactive;
using Course.Notebooks.Formatting;

namespace Course.Notebooks.Execution;

/// <summary>The names every notebook cell can use without a <c>using</c>, as in .NET Interactive's C# kernel.</summary>
/// <remarks>Roslyn scripting exposes the public members of this object as globals. Lower-case <c>display</c> and the
/// capitalised helpers keep .NET Interactive's names so notebooks written for Polyglot Notebooks run unchanged.</remarks>
#pragma warning disable IDE1006, CA1822 // .NET Interactive's names; instance members so that scripts see them as globals.
public class ScriptGlobals
{
    /// <summary>Show a value in the cell's output (only as <paramref name="mimeTypes"/> when given); <c>.Update(x)</c> on the result replaces it in place, <c>.Clear()</c> removes it.</summary>
    public DisplayHandle display(object? value, params string[] mimeTypes) => Notebook.Display(DisplayRequest.Of(value, mimeTypes));

    /// <summary>Mark <paramref name="html"/> as HTML to show as is (a cell's result or <c>display</c>).</summary>
    public HtmlContent HTML(string html) => new(html ?? "");

    /// <summary>Mark <paramref name="markdown"/> as Markdown, shown as <c>text/markdown</c>.</summary>
    public MarkdownContent Markdown(string markdown) => new(markdown ?? "");

    /// <summary>Send <paramref name="code"/> to the front end to run (a <c>text/html</c> script, as .NET Interactive does).</summary>
    public void Javascript(string code) => Notebook.Display(new ScriptContent(code ?? ""));

    /// <summary>Remove every output this cell has shown so far (Jupyter's <c>clear_output</c>).</summary>
    public void ClearOutput() => Notebook.ClearOutput();
}
#pragma warning restore IDE1006, CA1822
