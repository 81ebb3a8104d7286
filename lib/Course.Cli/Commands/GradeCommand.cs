using System.CommandLine;
using System.Diagnostics;
using Course.Notebooks.Document;
using Course.Notebooks.Grading;

namespace Course.Cli.Commands;

/// <summary><c>course grade SUBMISSION|DIR --key KEY [--jobs N] [--shard I/N] [--timeout S] [--json FILE] [--csv FILE] [--html FILE|DIR]</c>.</summary>
internal static class GradeCommand
{
    public static Command Create()
    {
        var submission = new Argument<string>("submission") { Description = "A student's notebook, or a folder of them (batch mode)" };
        var key = new Option<string>("--key") { Description = "The instructor's notebook with solutions and grade cells", Required = true };
        var timeout = new Option<double>("--timeout") { Description = "Seconds each cell may run", DefaultValueFactory = _ => 60 };
        var budget = new Option<double>("--budget") { Description = "Seconds a whole submission may run", DefaultValueFactory = _ => 1200 };
        var memory = new Option<int>("--memory") { Description = "Megabytes of memory a submission's process may use (managed and native)", DefaultValueFactory = _ => 6144 };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Submissions graded at once (default: the number of cores); each worker gets cores / jobs libtorch threads", DefaultValueFactory = _ => Environment.ProcessorCount };
        var shard = new Option<string?>("--shard") { Description = "Batch mode: grade only the I-th of N shards (files sorted by name, dealt round robin), e.g. --shard 1/4; join them with `course gradebook merge`" };
        var json = new Option<string?>("--json") { Description = "Write the report as JSON" };
        var csv = new Option<string?>("--csv") { Description = "Batch mode: gradebook file (default DIR/gradebook.csv, or DIR/gradebook.shard-I-of-N.csv); its JSON is written beside it" };
        var html = new Option<string?>("--html") { Description = "Write the student's feedback as a web page (batch mode: a folder, one page per submission)" };
        var parameters = new Option<string[]>("--parameter", "-p") { Description = "Override a variable of the notebook's 'parameters' cell: -p numEpochs=1" };
        var unsafeNoSandbox = new Option<bool>("--unsafe-no-sandbox") { Description = "Grade without bubblewrap: the students' code runs with your files and network (only for code you trust)" };
        var command = new Command("grade", "Grade submissions with the key's tests: students' code runs sandboxed, every verdict is reached outside it.")
        {
            submission, key, timeout, budget, memory, jobs, shard, json, csv, html, parameters, unsafeNoSandbox,
        };
        command.SetAction(result =>
        {
            try
            {
                var path = result.GetValue(submission)!;
                var keyPath = result.GetValue(key)!;
                var batch = Directory.Exists(path);
                // Everything the command line can get wrong is refused before the key runs.
                var part = result.GetValue(shard) is { } shardText ? Shard.Parse(shardText) : (Shard?)null;
                if (part is not null && !batch) throw new ArgumentException($"--shard {part}: shards split a folder of submissions, and {path} is not a folder");
                var parallel = result.GetValue(jobs);
                if (parallel < 1) throw new ArgumentException($"--jobs {parallel}: give at least 1 (the default is the number of cores, {Environment.ProcessorCount})");
                if (!File.Exists(keyPath)) throw new FileNotFoundException($"--key {keyPath} does not exist; pass the instructor's notebook.");
                var all = batch
                    ? Directory.GetFiles(path, "*.ipynb").OrderBy(Path.GetFileName, StringComparer.Ordinal).ToArray()
                    : File.Exists(path) ? [path] : throw new FileNotFoundException($"{path} does not exist; pass a submitted notebook or a folder of them.");
                var files = part?.Of(all) ?? all;
                var gradebook = result.GetValue(csv)
                    ?? Path.Combine(path, part is { } p ? $"gradebook.shard-{p.Index}-of-{p.Count}.csv" : "gradebook.csv");
                if (batch && Path.GetDirectoryName(Path.GetFullPath(gradebook)) is { } folder && !Directory.Exists(folder))
                    throw new ArgumentException($"--csv {gradebook}: the folder {folder} does not exist; create it or choose another file");

                var limits = GradingLimits.Default with
                {
                    CellTimeout = TimeSpan.FromSeconds(result.GetValue(timeout)), SubmissionBudget = TimeSpan.FromSeconds(result.GetValue(budget)),
                    MemoryBytes = (long)result.GetValue(memory) << 20, AllowUnsandboxed = result.GetValue(unsafeNoSandbox),
                    Threads = GradingLimits.ThreadsPerWorker(parallel),
                };
                var grader = new Grader(WorkerStart, limits);
                var overrides = Course.Notebooks.Running.NotebookParameters.Parse(result.GetValue(parameters) ?? []);
                var clock = Stopwatch.StartNew();
                using var progress = new GradeProgress(files.Count);
                progress.Phase($"running the key {Path.GetFileName(keyPath)}");
                var prepared = grader.PrepareKey(keyPath, overrides);
                var reports = grader.Grade(files, prepared, parallel, progress);
                if (result.GetValue(json) is { } jsonPath && reports.Count == 1) File.WriteAllText(jsonPath, GradeReportWriter.Json(reports[0]));
                if (result.GetValue(html) is { } htmlPath) WriteFeedback(htmlPath, reports, batch);
                if (batch)
                {
                    var (csvFile, jsonFile) = Gradebook.Of(GradebookBatch.Of(prepared, overrides, limits, all), part, reports).Save(gradebook);
                    var shardNote = part is { } q ? $" (shard {q} of {all.Length})" : "";
                    var threadsNote = limits.Threads == 1 ? "1 libtorch thread" : $"{limits.Threads} libtorch threads";
                    progress.Line(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"graded {reports.Count} submission{(reports.Count == 1 ? "" : "s")}{shardNote} in {clock.Elapsed.TotalSeconds:0.0} s, {Math.Min(parallel, Math.Max(1, files.Count))} at once with {threadsNote} each; the key took {prepared.Elapsed.TotalSeconds:0.0} s"));
                    progress.Line($"gradebook: {csvFile} ({jsonFile})");
                }
                return 0;
            }
            catch (Exception e) when (e is NotebookFormatException or FileNotFoundException or IOException or ArgumentException or KeyException or SandboxUnavailableException)
            {
                Console.Error.WriteLine($"course grade: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    /// <summary>One feedback page: to <paramref name="target"/> itself, or in batch mode one per submission inside it.</summary>
    private static void WriteFeedback(string target, IReadOnlyList<Course.Notebooks.Grading.GradeReport> reports, bool batch)
    {
        if (!batch)
        {
            File.WriteAllText(target, FeedbackPage.Render(reports[0]));
            Console.Error.WriteLine($"feedback: {target}");   // stdout ends with the score line
            return;
        }
        Directory.CreateDirectory(target);
        foreach (var report in reports)
            File.WriteAllText(Path.Combine(target, Path.GetFileNameWithoutExtension(report.Submission) + ".html"), FeedbackPage.Render(report));
        Console.WriteLine($"feedback: {target}/ ({reports.Count} pages)");
    }

    /// <summary>This very program, started as the hidden <c>grade-worker</c> verb.</summary>
    internal static ProcessStartInfo WorkerStart()
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet");
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") start.ArgumentList.Add(typeof(GradeCommand).Assembly.Location);
        start.ArgumentList.Add("grade-worker");
        return start;
    }

    /// <summary>The hidden verb the grader runs in its child process.</summary>
    public static Command CreateWorker()
    {
        var command = new Command("grade-worker", "Internal: run cells from stdin for course grade.") { Hidden = true };
        command.SetAction(async (_, _) => await GradeWorker.RunAsync(Console.OpenStandardInput(), Environment.CurrentDirectory));
        return command;
    }
}
