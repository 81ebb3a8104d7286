using Course.Notebooks.Document;

namespace Course.Notebooks.Execution;

/// <summary>What a front end (CLI progress, Jupyter kernel) hears while a cell runs.</summary>
public interface IExecutionListener
{
    /// <summary>Text written to stdout or stderr.</summary>
    void OnStream(string name, string text) { }

    /// <summary>A new displayed value.</summary>
    void OnDisplay(DisplayDataOutput output) { }

    /// <summary>A displayed value replaced in place.</summary>
    void OnUpdateDisplay(DisplayDataOutput output) { }

    /// <summary>The running cell's outputs so far were removed (<c>ClearOutput()</c>).</summary>
    void OnClearOutput() { }

    /// <summary>The cell's result value.</summary>
    void OnResult(ExecuteResultOutput output) { }

    /// <summary>The cell failed.</summary>
    void OnError(ErrorOutput output) { }
}
