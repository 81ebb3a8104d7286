using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Course.Data;
using Course.Notebooks.Benchmark;
using Course.Notebooks.Execution;
using Spectre.Console;

namespace Course.Cli.Commands;

/// <summary><c>course bench [--json FILE] [--quick] [--epochs N]</c>: measure DESIGN.md's performance targets in this process.</summary>
/// <remarks>Exit 0 when the measurements ran, whether or not every target was met (the table says which missed); 2 on bad input.</remarks>
internal static class BenchCommand
{
    public static Command Create()
    {
        var json = new Option<string?>("--json") { Description = "Also write the figures as one JSON object to FILE" };
        var quick = new Option<bool>("--quick") { Description = "A run of seconds on little data, to check the command works (figures are not meaningful)" };
        var epochs = new Option<int?>("--epochs") { Description = "Epochs of the memory measurement (default 30, as in the target)" };
        var command = new Command("bench", "Measure matmul peak, training throughput, memory growth and engine overhead against the course's targets.")
        {
            json, quick, epochs, BenchGradeCommand.Create(),
        };
        command.SetAction(async (result, cancellation) =>
        {
            var progress = new BenchProgress();
            try
            {
                var settings = result.GetValue(quick) ? BenchmarkSettings.Quick : BenchmarkSettings.Full;
                if (result.GetValue(epochs) is { } n)
                {
                    if (n < 1) throw new ArgumentException($"--epochs must be at least 1, got {n}.");
                    settings = settings with { MemoryEpochs = n };
                }
                settings.Validate();
                var jsonPath = result.GetValue(json);
                if (jsonPath is not null) RequireWritable(jsonPath);

                progress.Header(BenchmarkSuite.Conditions());
                var clock = Stopwatch.StartNew();
                var figures = await BenchmarkSuite.RunAsync(settings, progress, cancellation);
                progress.Table(figures, clock.Elapsed, result.GetValue(quick));
                if (jsonPath is not null) File.WriteAllText(jsonPath, BenchmarkSuite.ToJson(figures));
                return 0;
            }
            catch (DllNotFoundException e)
            {
                progress.Fail(e.Message);                                                  // TorchSharp cannot load: nothing was measured
                return 1;
            }
            catch (ArgumentOutOfRangeException e)
            {
                progress.Fail(e.Message.Split(" (Parameter")[0].Split('\n')[0]);
                return 2;
            }
            catch (Exception e) when (e is ArgumentException or DatasetException or IOException or UnauthorizedAccessException)
            {
                progress.Fail(e.Message);
                return 2;
            }
        });
        return command;
    }

    /// <summary>Fail before measuring, not after, when the JSON file cannot be written.</summary>
    private static void RequireWritable(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new ArgumentException($"--json {path} is a folder; give a file name such as bench.json.");
        var parent = Path.GetDirectoryName(full);
        if (parent is not null && !Directory.Exists(parent))
            throw new ArgumentException($"--json {path}: the folder {parent} does not exist; create it or choose another file.");
    }

    /// <summary>The status line while measuring, then the table of figures.</summary>
    private sealed class BenchProgress : IBenchmarkProgress
    {
        private readonly bool live = !Console.IsOutputRedirected;
        private readonly IAnsiConsole console;
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private string step = "";

        public BenchProgress()
        {
            console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(ConsoleCapture.OriginalOut),
                Ansi = live ? AnsiSupport.Detect : AnsiSupport.No,
                ColorSystem = live ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            });
            if (!live) console.Profile.Width = 240;
        }

        public void Header(string conditions) => console.MarkupLineInterpolated($"[grey]course bench · {conditions}[/]");

        public void Step(string description)
        {
            step = description;
            if (live) Draw("");
            else console.MarkupLineInterpolated($"[grey]▶ {description}[/]");
        }

        public void Detail(string detail)
        {
            if (live) Draw(detail);
        }

        public void Table(IReadOnlyList<BenchmarkFigure> figures, TimeSpan elapsed, bool quick)
        {
            ClearLine();
            var table = new Table().AddColumn("figure").AddColumn(new TableColumn("value").RightAligned()).AddColumn("target").AddColumn("result");
            foreach (var f in figures)
            {
                var format = Math.Abs(f.Value) >= 100 ? "#,0" : Math.Abs(f.Value) >= 10 ? "0.0" : "0.00";
                var value = (f.Value.ToString(format, CultureInfo.InvariantCulture) + " " + f.Unit).Trim();
                var verdict = f.Met switch { true => "[green]pass[/]", false => "[red]fail[/]", null => "[grey]—[/]" };
                table.AddRow(Markup.Escape(f.Key), Markup.Escape(value), Markup.Escape(f.Target), verdict);
            }
            console.Write(table);
            var missed = figures.Where(f => f.Met == false).Select(f => $"{f.Key} ({f.Value:G3}, target {f.Target})").ToList();
            var seconds = elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture);
            console.MarkupLineInterpolated($"{(missed.Count == 0 ? "all targets met" : "missed: " + string.Join(", ", missed))} · {seconds} s{(quick ? " · --quick: figures from little data, not meaningful" : "")}");
        }

        public void Fail(string message)
        {
            ClearLine();
            ConsoleCapture.OriginalError.WriteLine($"course bench: {message}");
        }

        private void Draw(string detail)
        {
            StatusLine.Draw(console, $"▶ {step}  {clock.Elapsed:m\\:ss}  {detail}");
        }

        private void ClearLine()
        {
            if (live) StatusLine.Clear(console);
        }
    }
}
