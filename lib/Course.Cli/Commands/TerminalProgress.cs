using System.Diagnostics;
using Course.Notebooks.Document;
using Course.Notebooks.Execution;
using Course.Notebooks.Running;
using Course.Notebooks.Targets;
using Spectre.Console;

namespace Course.Cli.Commands;

/// <summary>Shows <c>course run</c> on the terminal: notebook, cell i/n, elapsed, latest progress line.</summary>
/// <remarks>On a terminal the status line is redrawn in place; in CI logs each notebook gets one line.</remarks>
internal sealed class TerminalProgress : IRunProgress
{
    private readonly bool live = !Console.IsOutputRedirected;
    private readonly IAnsiConsole console;
    private readonly Stopwatch clock = new();
    private string stem = "";
    private int cell;
    private int cells;
    private string detail = "";
    private long lastDraw;

    public TerminalProgress()
    {
        console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(ConsoleCapture.OriginalOut),
            Ansi = live ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = live ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!live) console.Profile.Width = 240; // CI logs: one line per notebook, never wrapped
    }

    public void NotebookStarted(string stem, int codeCells)
    {
        this.stem = stem;
        cells = codeCells;
        cell = 0;
        detail = "";
        clock.Restart();
        if (!live) console.MarkupLineInterpolated($"[grey]▶ {stem} ({codeCells} code cells)[/]");
    }

    public void CellStarted(int index, int count)
    {
        cell = index;
        detail = "";
        Draw(force: true);
    }

    public void OnUpdateDisplay(DisplayDataOutput output)
    {
        if (output.Data.TryGetValue(MimeTypes.PlainText, out var text))
            detail = text.Split('\n')[0].Trim();
        Draw(force: false);
    }

    public void OnStream(string name, string text)
    {
        // The cell's latest stderr line is the news while it runs, e.g. "Restoring NodaTime 3.3.7 ..." before its code starts.
        if (name != "stderr" || text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault() is not { } line) return;
        detail = line;
        Draw(force: true);
    }

    public void NotebookFinished(NotebookRun run)
    {
        ClearLine();
        var seconds = $"{run.Elapsed.TotalSeconds:F1} s";
        if (run.Succeeded)
        {
            var metrics = string.Join("  ", run.Metrics.Select(m => $"{m.Key}={m.Value:G4}"));
            console.MarkupLineInterpolated($"[green]✔[/] {run.Stem,-28} {run.CellsRun}/{run.CellCount} cells  {seconds,8}  [grey]{metrics}[/]");
        }
        else console.MarkupLineInterpolated($"[red]✘ {run.Stem}[/] {seconds}: {run.Error}");
        var set = run.TargetSet == TargetSet.Test ? "test target" : "target";
        foreach (var target in run.Targets)
        {
            if (target.Met) console.MarkupLineInterpolated($"    [green]met[/]    {set} {target.Metric} {target.Target}: {target.Detail}");
            else console.MarkupLineInterpolated($"    [red]MISSED {set} {target.Metric} {target.Target}[/]: {target.Detail}");
        }
    }

    public void Warning(string message) => console.MarkupLineInterpolated($"[yellow]warning:[/] {message}");

    public void Fail(string message)
    {
        ClearLine();
        ConsoleCapture.OriginalError.WriteLine($"course run: {message}");
    }

    public void Summary(IReadOnlyList<NotebookRun> runs, string outDir)
    {
        var failed = runs.Count(r => !r.Succeeded);
        var total = TimeSpan.FromTicks(runs.Sum(r => r.Elapsed.Ticks));
        console.MarkupLineInterpolated($"{runs.Count - failed}/{runs.Count} notebooks ran in {total.TotalSeconds:F1} s → {Path.Combine(outDir, "index.html")}");
        if (failed > 0) console.MarkupLineInterpolated($"[red]notebooks with errors: {string.Join(", ", runs.Where(r => !r.Succeeded).Select(r => r.Stem))}[/]");
        var judged = runs.SelectMany(r => r.Targets).ToList();
        var missed = judged.Where(t => !t.Met).ToList();
        if (judged.Count == 0) return;
        if (missed.Count == 0) console.MarkupLineInterpolated($"[green]{judged.Count}/{judged.Count} targets met[/]");
        else console.MarkupLineInterpolated($"[red]{judged.Count - missed.Count}/{judged.Count} targets met; missed: {string.Join(", ", missed.Select(t => t.Metric))}[/]");
    }

    private void Draw(bool force)
    {
        if (!live) return;
        var now = Environment.TickCount64;
        if (!force && now - lastDraw < 200) return;
        lastDraw = now;
        StatusLine.Draw(console, $"▶ {stem}  cell {cell}/{cells}  {clock.Elapsed:m\\:ss}  {detail}");
    }

    private void ClearLine()
    {
        if (live) StatusLine.Clear(console);
    }
}
