using Course.Notebooks.Execution;

namespace Course.Notebooks.Running;

/// <summary>What <see cref="CourseRunner"/> reports while it works (the CLI draws it on the terminal).</summary>
public interface IRunProgress : IExecutionListener
{
    /// <summary>A notebook starts: its stem and number of code cells.</summary>
    void NotebookStarted(string stem, int codeCells) { }

    /// <summary>Code cell <paramref name="index"/> (1-based) of the current notebook starts.</summary>
    void CellStarted(int index, int count) { }

    /// <summary>A notebook finished (or failed).</summary>
    void NotebookFinished(NotebookRun run) { }

    /// <summary>A warning worth a line (e.g. an unknown parameter).</summary>
    void Warning(string message) { }
}
