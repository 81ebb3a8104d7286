using System.Diagnostics;
using Course.Notebooks.Execution;
using Course.Notebooks.Grading;
using Spectre.Console;

namespace Course.Cli.Commands;

/// <summary>Shows <c>course grade</c> with several submissions graded at once: each report whole, in the batch's order, never interleaved.</summary>
/// <remarks>
/// A report is printed once it and every one before it are done, so the output reads the same whatever the number of jobs.
/// On a terminal a status line below the reports says how many are done and which are running; a log gets no status line.
/// </remarks>
internal sealed class GradeProgress : IGradingProgress, IDisposable
{
    private readonly bool live = !Console.IsOutputRedirected;
    private readonly IAnsiConsole console;
    private readonly Lock gate = new();
    private readonly SortedDictionary<int, string> running = [];
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Timer? timer;
    private readonly int count;
    private readonly Dictionary<int, GradeReport> waiting = [];
    private int done, printed;
    private bool disposed;
    private string phase = "";
    private readonly bool reports;

    /// <summary>Progress of <paramref name="count"/> submissions; without <paramref name="reports"/>, only the status line (for <c>course bench grade</c>).</summary>
    public GradeProgress(int count, bool reports = true)
    {
        this.count = count;
        this.reports = reports;
        console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(ConsoleCapture.OriginalOut), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        if (live) timer = new Timer(_ => Redraw(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>What happens before the submissions (the key running), for the status line.</summary>
    public void Phase(string text)
    {
        lock (gate)
        {
            phase = text;
            Draw();
        }
    }

    public void Started(int index, string submission)
    {
        lock (gate)
        {
            phase = "";
            running[index] = GradeReportWriter.Printable(Path.GetFileName(submission));   // a file name may carry escape sequences
            Draw();
        }
    }

    public void Finished(int index, GradeReport report)
    {
        lock (gate)
        {
            running.Remove(index);
            done++;
            waiting[index] = report;
            if (live) StatusLine.Clear(console);
            while (waiting.Remove(printed, out var next))
            {
                if (reports)
                    foreach (var line in GradeReportWriter.Text(next)) Console.WriteLine(line);
                printed++;
            }
            Console.Out.Flush();
            Draw();
        }
    }

    /// <summary>A line after the reports, with the status line out of the way.</summary>
    public void Line(string text)
    {
        lock (gate)
        {
            if (live) StatusLine.Clear(console);
            Console.WriteLine(text);
            Draw();
        }
    }

    public void Dispose()
    {
        timer?.Dispose();
        lock (gate)
        {
            disposed = true;
            if (live) StatusLine.Clear(console);
        }
    }

    private void Redraw()
    {
        lock (gate) Draw();
    }

    private void Draw()
    {
        if (!live || disposed) return;
        var elapsed = clock.Elapsed.ToString(@"m\:ss", System.Globalization.CultureInfo.InvariantCulture);
        StatusLine.Draw(console, phase.Length > 0 ? $"▶ {phase}  {elapsed}"
            : $"▶ graded {done}/{count}  {elapsed}" + (running.Count > 0 ? $"  running: {string.Join(", ", running.Values)}" : ""));
    }
}
