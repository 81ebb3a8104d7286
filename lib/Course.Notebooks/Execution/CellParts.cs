namespace Course.Notebooks.Execution;

/// <summary>Splits a cell at its kernel magic commands (<c>#!csharp</c>, <c>#!html</c>, <c>#!markdown</c>, <c>#!javascript</c>, <c>#!fsharp</c>…), as .NET Interactive does.</summary>
/// <remarks>
/// A cell runs in the kernel its Polyglot metadata names (<c>polyglot_notebook.kernelName</c>, else
/// <c>dotnet_interactive.language</c>, else C#) until a line holding only a kernel's magic switches to that kernel for the
/// lines after it. C# parts keep the cell's line numbers (other lines blanked), so errors point at the student's own line.
/// </remarks>
public static class CellParts
{
    private static readonly Dictionary<string, string> kernels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["csharp"] = "csharp", ["c#"] = "csharp", ["cs"] = "csharp",
        ["fsharp"] = "fsharp", ["f#"] = "fsharp", ["fs"] = "fsharp",
        ["html"] = "html",
        ["markdown"] = "markdown", ["md"] = "markdown",
        ["javascript"] = "javascript", ["js"] = "javascript",
        ["pwsh"] = "pwsh", ["powershell"] = "pwsh",
        ["sql"] = "sql", ["kql"] = "kql", ["mermaid"] = "mermaid", ["value"] = "value", ["http"] = "http", ["python"] = "python", ["r"] = "r",
    };

    /// <summary>The kernel a kernel name or alias stands for (<c>C#</c> → <c>csharp</c>); unknown names as given, lower-case.</summary>
    public static string Normalize(string name) => kernels.TryGetValue(name.Trim(), out var kernel) ? kernel : name.Trim().ToLowerInvariant();

    /// <summary>The parts of <paramref name="source"/>, in order, skipping parts with no text; the first runs in <paramref name="cellKernel"/>.</summary>
    public static IReadOnlyList<CellPart> Split(string source, string cellKernel = "csharp")
    {
        var lines = source.Replace("\r\n", "\n").Split('\n');
        var starts = new List<(int Index, string Kernel)> { (0, Normalize(cellKernel)) };
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("#!", StringComparison.Ordinal) && kernels.TryGetValue(line[2..], out var kernel)) starts.Add((i, kernel));
        }
        var parts = new List<CellPart>();
        for (var p = 0; p < starts.Count; p++)
        {
            var (start, kernel) = starts[p];
            var end = p + 1 < starts.Count ? starts[p + 1].Index : lines.Length;
            var first = p == 0 ? start : start + 1; // the magic line itself is not the part's text
            if (first >= end || lines[first..end].All(string.IsNullOrWhiteSpace)) continue;
            var code = kernel == "csharp"
                ? string.Join('\n', lines.Select((l, i) => i >= first && i < end ? l : ""))
                : string.Join('\n', lines[first..end]).Trim('\n');
            parts.Add(new CellPart(kernel, code, start + 1));
        }
        return parts;
    }
}
