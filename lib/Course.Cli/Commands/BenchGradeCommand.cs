using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Course.Notebooks.Document;
using Course.Notebooks.Grading;
using Course.Notebooks.Running;

namespace Course.Cli.Commands;

/// <summary>
/// <c>course bench grade --key KEY [--submissions 20] [--jobs 1 --jobs 2]</c>: grade one batch of copies of a key with each
/// number of jobs, and report the wall time, CPU time, speed-up, peak memory and whether the gradebooks agree.
/// </summary>
/// <remarks>
/// The submissions are copies of the key itself (every exercise answered with its solution), graded exactly as
/// <c>course grade DIR --key KEY --jobs N</c> would: the key prepared once per run, a sandboxed worker per submission,
/// <c>max(1, cores / jobs)</c> libtorch threads each. CPU time is this process's plus every worker tree's (read from
/// <c>/proc</c>); the machine's load average before and after each run says whether others shared the cores.
/// </remarks>
internal static class BenchGradeCommand
{
    public static Command Create()
    {
        var key = new Option<string>("--key") { Description = "The instructor's notebook; its copies are the submissions", Required = true };
        var count = new Option<int>("--submissions") { Description = "Copies of the key to grade", DefaultValueFactory = _ => 20 };
        var jobs = new Option<int[]>("--jobs", "-j") { Description = "Numbers of jobs to compare, in this order (speed-up against the first)", DefaultValueFactory = _ => [1, 2], AllowMultipleArgumentsPerToken = true };
        var parameters = new Option<string[]>("--parameter", "-p") { Description = "Override a variable of the notebook's 'parameters' cell, as for course grade" };
        var timeout = new Option<double>("--timeout") { Description = "Seconds each cell may run", DefaultValueFactory = _ => 300 };
        var keep = new Option<string?>("--keep") { Description = "Write the submissions and each run's gradebook into this (new or empty) folder instead of a temporary one" };
        var json = new Option<string?>("--json") { Description = "Also write the figures as JSON to FILE" };
        var command = new Command("grade", "Measure grading a batch with different numbers of jobs: wall time, CPU time, speed-up, peak memory, identical scores.")
        {
            key, count, jobs, parameters, timeout, keep, json,
        };
        command.SetAction(result =>
        {
            string? temporary = null;
            try
            {
                var keyPath = result.GetValue(key)!;
                var n = result.GetValue(count);
                var runs = result.GetValue(jobs) ?? [];
                if (!File.Exists(keyPath)) throw new FileNotFoundException($"--key {keyPath} does not exist; pass the instructor's notebook.");
                if (n < 1) throw new ArgumentException($"--submissions {n}: give at least 1");
                if (runs.Length == 0 || runs.Any(j => j < 1)) throw new ArgumentException($"--jobs {string.Join(' ', runs)}: give one or more numbers, each at least 1 (e.g. --jobs 1 2)");
                NotebookDocument.Load(keyPath);   // a broken key fails here, in one line, before anything is copied
                var overrides = NotebookParameters.Parse(result.GetValue(parameters) ?? []);
                var folder = result.GetValue(keep) is { } kept ? EmptyFolder(kept) : temporary = Directory.CreateTempSubdirectory("course-bench-grade-").FullName;
                var submissions = Path.Combine(folder, "submissions");
                Directory.CreateDirectory(submissions);
                var files = Enumerable.Range(1, n).Select(i => Path.Combine(submissions, $"student-{i:00}.ipynb")).ToList();
                foreach (var file in files) File.Copy(keyPath, file);

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"course bench grade · {n} copies of {Path.GetFileName(keyPath)}{string.Concat(overrides.Select(p => $" -p {p.Key}={p.Value}"))} · {Environment.ProcessorCount} cores · load average {Load()}"));
                var figures = new List<Figure>();
                string? first = null;
                foreach (var j in runs)
                {
                    var figure = Run(keyPath, overrides, files, j, result.GetValue(timeout), Path.Combine(folder, $"jobs-{j}.csv"));
                    first ??= figure.Gradebook;
                    figure = figure with { SpeedUp = figures.Count == 0 ? 1 : Math.Round(figures[0].Seconds / figure.Seconds, 2), SameScores = figure.Gradebook == first };
                    figures.Add(figure);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"--jobs {j}: {figure.Seconds:0.0} s wall, {figure.CpuSeconds:0.0} s CPU, {figure.Threads} libtorch thread{(figure.Threads == 1 ? "" : "s")} per worker, "
                        + $"peak {figure.PeakWorkerMb:0} MB per worker, speed-up {figure.SpeedUp:0.00}×, scores {(figure.SameScores ? "identical" : "DIFFERENT")} "
                        + $"(total {figure.TotalScore:0.##}/{figure.MaxScore:0.##}; load average {figure.LoadBefore} → {figure.LoadAfter})"));
                }
                if (result.GetValue(json) is { } jsonPath)
                    File.WriteAllText(jsonPath, JsonSerializer.Serialize(figures, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }) + "\n");
                if (result.GetValue(keep) is { } shown) Console.WriteLine($"gradebooks: {shown}/jobs-N.csv");
                return figures.All(f => f.SameScores) ? 0 : 1;
            }
            catch (Exception e) when (e is NotebookFormatException or FileNotFoundException or IOException or ArgumentException or KeyException or SandboxUnavailableException)
            {
                Console.Error.WriteLine($"course bench grade: {e.Message}");
                return 2;
            }
            finally
            {
                if (temporary is not null) try { Directory.Delete(temporary, recursive: true); } catch (IOException) { }
            }
        });
        return command;
    }

    /// <summary>One measured run: what <c>course grade DIR --jobs N</c> does, timed.</summary>
    private static Figure Run(string keyPath, IReadOnlyDictionary<string, string> overrides, IReadOnlyList<string> files, int jobs, double timeout, string gradebook)
    {
        var loadBefore = Load();
        var own = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var limits = GradingLimits.Default with { CellTimeout = TimeSpan.FromSeconds(timeout), Threads = GradingLimits.ThreadsPerWorker(jobs) };
        var grader = new Grader(GradeCommand.WorkerStart, limits);
        GradingKey key;
        IReadOnlyList<GradeReport> reports;
        using (var progress = new GradeProgress(files.Count, reports: false))
        {
            progress.Phase($"--jobs {jobs}: running the key");
            key = grader.PrepareKey(keyPath, overrides);
            reports = grader.Grade(files, key, jobs, progress);
        }
        var seconds = clock.Elapsed.TotalSeconds;
        Process.GetCurrentProcess().Refresh();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - own + (key.Usage ?? ResourceUsage.None).Cpu + TimeSpan.FromTicks(reports.Sum(r => r.Usage.Cpu.Ticks));
        var book = Gradebook.Of(GradebookBatch.Of(key, overrides, limits, files), null, reports);
        book.Save(gradebook);
        return new Figure(jobs, limits.Threads ?? 0, files.Count, Math.Round(seconds, 2), Math.Round(cpu.TotalSeconds, 2), 0,
                          Math.Round(reports.Max(r => r.Usage.PeakMemoryBytes) / 1048576.0, 1), Math.Round((key.Usage ?? ResourceUsage.None).PeakMemoryBytes / 1048576.0, 1),
                          book.Rows.Sum(r => r.Score), book.Rows.Sum(r => r.MaxScore), true, loadBefore, Load(), book.ToJson(timings: false));
    }

    private static string EmptyFolder(string path)
    {
        if (Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any())
            throw new ArgumentException($"--keep {path} is not empty; give a new or empty folder");
        return Directory.CreateDirectory(path).FullName;
    }

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    /// <summary>One run's figures.</summary>
    private sealed record Figure(int Jobs, int Threads, int Submissions, double Seconds, double CpuSeconds, double SpeedUp, double PeakWorkerMb, double KeyPeakMb,
                                 double TotalScore, double MaxScore, bool SameScores, string LoadBefore, string LoadAfter, [property: JsonIgnore] string Gradebook);
}
