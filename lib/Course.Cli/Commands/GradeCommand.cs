using System.CommandLine;
using System.Diagnostics;
using Course.Notebooks.Document;
using Course.Notebooks.Grading;

namespace Course.Cli.Commands;

/// <summary><c>course grade SUBMISSION|DIR --key KEY [--timeout S] [--json FILE] [--csv FILE] [--html FILE|DIR]</c>.</summary>
internal static class GradeCommand
{
    public static Command Create()
    {
        var submission = new Argument<string>("submission") { Description = "A student's notebook, or a folder of them (batch mode)" };
        var key = new Option<string>("--key") { Description = "The instructor's notebook with solutions and grade cells", Required = true };
        var timeout = new Option<double>("--timeout") { Description = "Seconds each cell may run", DefaultValueFactory = _ => 60 };
        var budget = new Option<double>("--budget") { Description = "Seconds a whole submission may run", DefaultValueFactory = _ => 1200 };
        var memory = new Option<int>("--memory") { Description = "Megabytes of memory a submission's process may use (managed and native)", DefaultValueFactory = _ => 6144 };
        var json = new Option<string?>("--json") { Description = "Write the report as JSON" };
        var csv = new Option<string?>("--csv") { Description = "Batch mode: gradebook file (default DIR/gradebook.csv)" };
        var html = new Option<string?>("--html") { Description = "Write the student's feedback as a web page (batch mode: a folder, one page per submission)" };
        var parameters = new Option<string[]>("--parameter", "-p") { Description = "Override a variable of the notebook's 'parameters' cell: -p numEpochs=1" };
        var unsafeNoSandbox = new Option<bool>("--unsafe-no-sandbox") { Description = "Grade without bubblewrap: the students' code runs with your files and network (only for code you trust)" };
        var command = new Command("grade", "Grade submissions with the key's tests: students' code runs sandboxed, every verdict is reached outside it.")
        {
            submission, key, timeout, budget, memory, json, csv, html, parameters, unsafeNoSandbox,
        };
        command.SetAction(result =>
        {
            try
            {
                var path = result.GetValue(submission)!;
                var keyPath = result.GetValue(key)!;
                if (!File.Exists(keyPath)) throw new FileNotFoundException($"--key {keyPath} does not exist; pass the instructor's notebook.");
                var files = Directory.Exists(path)
                    ? Directory.GetFiles(path, "*.ipynb").Order(StringComparer.Ordinal).ToArray()
                    : File.Exists(path) ? [path] : throw new FileNotFoundException($"{path} does not exist; pass a submitted notebook or a folder of them.");
                var limits = GradingLimits.Default with
                {
                    CellTimeout = TimeSpan.FromSeconds(result.GetValue(timeout)), SubmissionBudget = TimeSpan.FromSeconds(result.GetValue(budget)),
                    MemoryBytes = (long)result.GetValue(memory) << 20, AllowUnsandboxed = result.GetValue(unsafeNoSandbox),
                };
                var grader = new Grader(WorkerStart, limits);
                var overrides = Course.Notebooks.Running.NotebookParameters.Parse(result.GetValue(parameters) ?? []);
                var prepared = grader.PrepareKey(keyPath, overrides);
                var reports = new List<Course.Notebooks.Grading.GradeReport>();
                foreach (var file in files)
                {
                    var report = grader.Grade(file, prepared);
                    reports.Add(report);
                    foreach (var line in GradeReportWriter.Text(report)) Console.WriteLine(line);
                }
                if (result.GetValue(json) is { } jsonPath && reports.Count == 1) File.WriteAllText(jsonPath, GradeReportWriter.Json(reports[0]));
                if (result.GetValue(html) is { } htmlPath) WriteFeedback(htmlPath, reports, batch: Directory.Exists(path));
                if (Directory.Exists(path))
                {
                    var gradebook = result.GetValue(csv) ?? Path.Combine(path, "gradebook.csv");
                    File.WriteAllText(gradebook, GradeReportWriter.Csv(reports));
                    Console.WriteLine($"gradebook: {gradebook}");
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
    private static ProcessStartInfo WorkerStart()
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
