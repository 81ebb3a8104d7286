using Course.Notebooks.Document;
using Course.Notebooks.Running;

namespace Course.Notebooks.Kernel;

/// <summary>Applies <c>COURSE_PARAMETERS</c> in the kernel, as <c>course run</c> does to the cell tagged <c>parameters</c>.</summary>
/// <remarks>
/// Jupyter clients do not send a cell's tags with <c>execute_request</c> (jupyter_client 7 sends no cell metadata),
/// so the kernel applies each override after the first cell that declares that variable, or after a cell whose
/// request metadata carries the <c>parameters</c> tag. The overrides are appended to the cell as assignments, so outputs,
/// execution counts and metrics match <c>course run</c>'s injected-parameters cell.
/// </remarks>
public sealed class KernelParameters(IReadOnlyDictionary<string, string> overrides)
{
    private readonly HashSet<string> applied = new(StringComparer.Ordinal);

    /// <summary>The overrides from <see cref="NotebookParameters.EnvironmentVariable"/>.</summary>
    public static KernelParameters FromEnvironment() =>
        new(NotebookParameters.ParseList(Environment.GetEnvironmentVariable(NotebookParameters.EnvironmentVariable)));

    /// <summary>The code to run for <paramref name="code"/>: unchanged, or with the not yet applied overrides it declares appended.</summary>
    /// <exception cref="ArgumentException">An override does not fit the declared type.</exception>
    public string Apply(string code)
    {
        var remaining = overrides.Where(kv => !applied.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        if (remaining.Count == 0 || Execution.NotebookEngine.HasTrailingExpression(code)) return code;
        var notebook = NotebookDocument.CreateCSharp(NotebookCell.Code(code, "parameters"));
        var declared = NotebookParameters.Declared(notebook);
        var mine = remaining.Where(kv => declared.ContainsKey(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        if (mine.Count == 0) return code;
        NotebookParameters.Apply(notebook, mine);
        foreach (var name in mine.Keys) applied.Add(name);
        // "int numEpochs = 1;" would redeclare the variable within the same submission: assign instead.
        var assignments = notebook.Cells[^1].Source.Split('\n')
            .Select(line => mine.Keys.Select(n => line.IndexOf($" {n} = ", StringComparison.Ordinal)).FirstOrDefault(i => i >= 0, -1) is var at and >= 0 ? line[(at + 1)..] : line);
        return code.TrimEnd() + "\n" + string.Join('\n', assignments) + "\n";
    }
}
