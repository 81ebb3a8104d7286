using System.Collections.Immutable;
using System.Diagnostics;
using Course.Interactive;
using Course.Notebooks.Document;
using Course.Notebooks.Formatting;
using Course.Notebooks.Packages;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Course.Notebooks.Execution;

/// <summary>Runs the C# cells of one notebook in one Roslyn script state, like a kernel would.</summary>
/// <remarks>
/// One engine per notebook: variables, types and usings carry from cell to cell, later cells may
/// redefine types, top-level <c>await</c> works, and the last bare expression is the result.
/// <c>course run</c> and the Jupyter kernel are thin front ends over this class (DESIGN.md).
/// Everything a cell's code reaches through process-wide names belongs to this engine while its cells run:
/// <c>Console</c> output and input (<see cref="ConsoleCapture"/>), <c>display</c> (<see cref="Notebook.Sink"/>),
/// <c>Metrics.Record</c> (<see cref="RecordedMetrics"/>) and the working directory (<see cref="Notebook.WorkingDirectory"/>),
/// so engines in one process can run at the same time without seeing each other. The engine never changes
/// the process's current directory and never forces a garbage collection.
/// </remarks>
public sealed class NotebookEngine
{
    private readonly string workingDirectory;
    private readonly IExecutionListener listener;
    private readonly DisplaySink sink;
    private readonly TextReader? input;
    private readonly MetricsRecorder metrics = new();
    private readonly NotebookPackages packages;
    private ScriptOptions options;
    private ScriptState<object>? state;

    /// <summary>Create an engine whose relative paths (<c>#r</c>, <c>#load</c>, <c>#!import</c>, <see cref="Notebook.WorkingDirectory"/>) start at <paramref name="workingDirectory"/>.</summary>
    /// <param name="workingDirectory">The notebook's folder.</param>
    /// <param name="listener">Hears outputs as they happen (progress display, the kernel).</param>
    /// <param name="input">What <c>Console.ReadLine</c> reads in this engine's cells; none: reading fails with a clear message.</param>
    /// <param name="restorer">Restores <c>#r "nuget: …"</c> packages the engine does not ship; default: the user's cache, NuGet.Config and packages folder.</param>
    public NotebookEngine(string workingDirectory, IExecutionListener? listener = null, TextReader? input = null, PackageRestorer? restorer = null)
    {
        this.workingDirectory = Path.GetFullPath(workingDirectory);
        this.listener = listener ?? NullListener.Instance;
        this.input = input;
        sink = new DisplaySink(this.listener);
        // #load "file.csx" is relative to the notebook, as in .NET Interactive (whose kernel runs in the notebook's folder).
        options = ScriptSetup.Options().WithSourceResolver(new SourceFileResolver([], this.workingDirectory));
        packages = new NotebookPackages(this.workingDirectory, restorer ?? PackageRestorer.Default);
    }

    /// <summary>How many cells have run.</summary>
    public int ExecutionCount { get; private set; }

    /// <summary>What this engine's cells recorded with <c>Metrics.Record</c>, sorted by name.</summary>
    public IReadOnlyDictionary<string, double> RecordedMetrics => metrics.Snapshot();

    /// <summary>Run <paramref name="source"/> as a new cell and return its outputs.</summary>
    public Task<CellResult> ExecuteAsync(string source, CancellationToken cancellation = default) =>
        ExecuteCellAsync(NotebookCell.Code(source), cancellation);

    /// <summary>Run a code cell, replacing its outputs and execution count.</summary>
    public async Task<CellResult> ExecuteCellAsync(NotebookCell cell, CancellationToken cancellation = default)
    {
        var number = ++ExecutionCount;
        cell.Outputs.Clear();
        cell.ExecutionCount = number;
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var error = await RunAsync(cell, number, cancellation);
        if (error is not null)
        {
            cell.Outputs.Add(error);
            listener.OnError(error);
        }
        // Jupyter's own timing metadata (nbformat: cell.metadata.execution), so front ends show durations.
        cell.Metadata["execution"] = new System.Text.Json.Nodes.JsonObject
        {
            ["iopub.status.busy"] = started.ToString("o"),
            ["shell.execute_reply"] = (started + clock.Elapsed).ToString("o"),
        };
        return new CellResult(cell.Outputs, number, error, clock.Elapsed);
    }

    private async Task<ErrorOutput?> RunAsync(NotebookCell cell, int number, CancellationToken cancellation)
    {
        var parts = CellParts.Split(cell.Source, KernelOf(cell));
        cell.Outputs.Clear();
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            var error = part.Kernel switch
            {
                "csharp" => await RunCSharpAsync(cell, part.Code, number, i == parts.Count - 1, cancellation),
                "html" => Show(cell, new HtmlContent(part.Code)),
                "markdown" => Show(cell, new MarkdownContent(part.Code)),
                "javascript" => Show(cell, new ScriptContent(part.Code)),
                "fsharp" => Unsupported($"F# cells are not supported (cell {number}, line {part.Line}); the engine runs C#: rewrite the cell in C#."),
                var other => Unsupported($"#!{other} cells are not supported (cell {number}, line {part.Line}); the engine runs C#, HTML, Markdown and JavaScript: rewrite the cell in C#."),
            };
            if (error is not null) return error;
        }
        return null;
    }

    /// <summary>The kernel a cell's Polyglot metadata names (VS Code's <c>polyglot_notebook.kernelName</c>, older <c>dotnet_interactive.language</c>); C# without either.</summary>
    internal static string KernelOf(NotebookCell cell) =>
        (cell.Metadata["polyglot_notebook"]?["kernelName"] as System.Text.Json.Nodes.JsonValue)?.TryGetValue(out string? kernel) == true && !string.IsNullOrWhiteSpace(kernel) ? kernel
        : (cell.Metadata["dotnet_interactive"]?["language"] as System.Text.Json.Nodes.JsonValue)?.TryGetValue(out string? language) == true && !string.IsNullOrWhiteSpace(language) ? language
        : "csharp";

    /// <summary>Show a non-C# part (<c>#!html</c>, <c>#!markdown</c>, <c>#!javascript</c>) as a display.</summary>
    private ErrorOutput? Show(NotebookCell cell, object content)
    {
        var output = new DisplayDataOutput(DisplayBundle.For(content));
        lock (cell.Outputs) cell.Outputs.Add(output);
        listener.OnDisplay(output);
        return null;
    }

    private async Task<ErrorOutput?> RunCSharpAsync(NotebookCell cell, string source, int number, bool showResult, CancellationToken cancellation)
    {
        var (directives, code) = DirectiveParser.Parse(source);
        var timed = false;
        var prelude = new List<string>();
        var packageRequests = new List<PackageRequest>();
        var packageSources = new List<string>();
        foreach (var directive in directives)
        {
            switch (directive)
            {
                case UnsupportedDirective u:
                    return Unsupported(u.Message);
                case NuGetReference r:
                    packageRequests.Add(new PackageRequest(r.Id, r.Version));
                    break;
                case PackageSource s:
                    packageSources.Add(s.Source);
                    break;
                case FileReference f:
                    var dll = Path.GetFullPath(Path.Combine(workingDirectory, f.Path));
                    if (!File.Exists(dll))
                        return Unsupported($"#r \"{f.Path}\": no file at {dll}; build the assembly or fix the path (it is relative to the notebook).");
                    options = options.AddReferences(ScriptReferences.ForFile(dll));
                    break;
                case ImportFile i:
                    var file = Path.GetFullPath(Path.Combine(workingDirectory, i.Path));
                    if (!File.Exists(file))
                        return Unsupported($"#!import {i.Path}: no file at {file}; fix the path (it is relative to the notebook).");
                    prelude.Add(File.ReadAllText(file));
                    break;
                case TimeCell:
                    timed = true;
                    break;
            }
        }

        if (packageRequests.Count > 0 || packageSources.Count > 0)
        {
            // All of a cell's packages restore together, before its code compiles; progress goes to the cell's stderr.
            try
            {
                options = options.AddReferences(await packages.AddAsync(packageRequests, packageSources, line => AppendStream(cell, "stderr", line + "\n"), cancellation));
            }
            catch (PackageRestoreException e)
            {
                return Unsupported(e.Message);
            }
            catch (OperationCanceledException e) when (cancellation.IsCancellationRequested)
            {
                return CellErrors.FromException(e, number);   // interrupted while restoring: the restore's processes are gone
            }
        }

        var clock = Stopwatch.StartNew();
        using (ConsoleCapture.Redirect((name, text) => AppendStream(cell, name, text), input))
        {
            // AsyncLocal values: set in this async method, they reach the cell's code and the tasks it starts, never the caller.
            sink.Target = cell.Outputs;
            Notebook.Sink = sink;
            Notebook.Cancellation = cancellation;
            Notebook.WorkingDirectory = workingDirectory;
            Course.Metrics.Recorder = metrics;
            try
            {
                foreach (var imported in prelude)
                    if (await SubmitAsync(imported, number, cancellation) is { } importError) return importError;
                if (!string.IsNullOrWhiteSpace(code) && await SubmitAsync(code, number, cancellation) is { } error) return error;
                if (showResult && HasTrailingExpression(code) && state?.ReturnValue is { } value and not DisplayHandle)
                {
                    var result = new ExecuteResultOutput(DisplayBundle.For(value), number);
                    cell.Outputs.Add(result);
                    listener.OnResult(result);
                }
            }
            finally
            {
                Console.Out.Flush();
                Console.Error.Flush();
                sink.Target = null;
            }
        }
        if (timed) AppendStream(cell, "stdout", $"Wall time: {clock.Elapsed.TotalMilliseconds:F1} ms\n");
        return null;
    }

    private async Task<ErrorOutput?> SubmitAsync(string code, int number, CancellationToken cancellation)
    {
        var cellOptions = options.WithFilePath(CellErrors.CellFile(number));
        try
        {
            var script = state is null ? CSharpScript.Create(code, cellOptions, typeof(ScriptGlobals)) : state.Script.ContinueWith(code, cellOptions);
            lock (RoslynGate.Compiling)   // compile and load here; RunAsync below reuses what this built
            {
                var errors = script.Compile(cancellation).Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();   // one compile: its errors, or the built code
                if (errors.Length > 0) throw new CompilationErrorException(errors[0].ToString(), errors);
            }
            state = state is null
                ? await script.RunAsync(new ScriptGlobals(), _ => true, cancellation)
                : await script.RunFromAsync(state, _ => true, cancellation);
            return state.Exception is { } e ? CellErrors.FromException(e, number) : null;
        }
        catch (CompilationErrorException e)
        {
            return CellErrors.FromCompilation(e, number);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return CellErrors.FromException(e, number);
        }
    }

    private ErrorOutput Unsupported(string message) => new("DirectiveError", message, [message]);

    /// <summary>Most characters of stream output one cell keeps; the rest is dropped with a note (the grader caps output).</summary>
    public int MaxStreamChars { get; set; } = int.MaxValue;

    private void AppendStream(NotebookCell cell, string name, string text)
    {
        lock (cell.Outputs)
        {
            var kept = cell.Outputs.OfType<StreamOutput>().Sum(o => (long)o.Text.Length);
            if (kept + text.Length > MaxStreamChars)
            {
                if (kept >= MaxStreamChars) return;
                text = text[..(int)(MaxStreamChars - kept)] + $"\n[output cut at {MaxStreamChars:N0} characters]\n";
            }
            if (cell.Outputs.Count > 0 && cell.Outputs[^1] is StreamOutput last && last.Name == name)
                cell.Outputs[^1] = last with { Text = last.Text + text };
            else
                cell.Outputs.Add(new StreamOutput(name, text));
        }
        listener.OnStream(name, text);
    }

    /// <summary>The compilation <paramref name="code"/> would get as the next cell (the kernel's completion and inspection).</summary>
    internal Compilation CompileNext(string code) =>
        (state?.Script.ContinueWith(code, options) ?? CSharpScript.Create(code, options, typeof(ScriptGlobals))).GetCompilation();

    /// <summary>True when the code ends with an expression without a semicolon (its value is shown).</summary>
    internal static bool HasTrailingExpression(string code)
    {
        var tree = Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ParseSyntaxTree(code, ScriptParseOptions);
        var root = (Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax)tree.GetRoot();
        return root.Members.LastOrDefault() is Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax
        {
            Statement: Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionStatementSyntax { SemicolonToken.IsMissing: true },
        };
    }

    /// <summary>Parse options of C# script submissions.</summary>
    internal static readonly Microsoft.CodeAnalysis.CSharp.CSharpParseOptions ScriptParseOptions =
        new(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest, kind: SourceCodeKind.Script);
}
