using System.Diagnostics;
using System.Text.Json.Nodes;
using Course.Notebooks.Document;
using Course.Notebooks.Execution;

namespace Course.Notebooks.Grading;

/// <summary>Grades submissions against an instructor's key; every verdict is reached in this process.</summary>
/// <remarks>
/// <see cref="PrepareKey"/> runs the key once in a sandboxed worker: its cells, then each grade cell rewritten
/// (<see cref="GradeCellRewriter"/>) to record what every check expects. <see cref="Grade(string, GradingKey)"/> then,
/// per submission: assembles the cells to run (<see cref="SubmissionCells"/>), reads the student's cells for calls
/// grading forbids (<see cref="SubmissionAudit"/>), runs them in another sandboxed worker followed by the grade cells in
/// their student form (which only report actual values), and judges every check here (<see cref="Verdict"/>). A cell past
/// the time limit is killed with its process and scores 0; grading goes on in a fresh worker that replays the cells.
/// </remarks>
/// <param name="workerStart">Starts a grade worker (<c>course grade-worker</c>).</param>
/// <param name="limits">Time, memory, disk, process and output limits, and whether grading may run without a sandbox.</param>
public sealed class Grader(Func<ProcessStartInfo> workerStart, GradingLimits limits)
{
    /// <summary>Extra time for a fresh worker's first cell: the runtime, Roslyn and libtorch start up.</summary>
    private static readonly TimeSpan StartupAllowance = TimeSpan.FromSeconds(30);

    /// <summary>Grade one submission with a key prepared for it alone.</summary>
    public GradeReport Grade(string submissionPath, string keyPath, IReadOnlyDictionary<string, string>? parameters = null) =>
        Grade(submissionPath, PrepareKey(keyPath, parameters));

    /// <summary>Run the key once: what every check of every grade cell expects.</summary>
    /// <param name="keyPath">The instructor's notebook.</param>
    /// <param name="parameters">Overrides for the <c>parameters</c> cell (e.g. fewer epochs), used for every submission.</param>
    /// <exception cref="NotebookFormatException">The key cannot be read or a grade cell cannot be rewritten.</exception>
    /// <exception cref="KeyException">A cell of the key fails or runs past the time limit.</exception>
    public GradingKey PrepareKey(string keyPath, IReadOnlyDictionary<string, string>? parameters = null)
    {
        var clock = Stopwatch.StartNew();
        var key = NotebookDocument.Load(keyPath);
        if (parameters is not null) Running.NotebookParameters.Apply(key, parameters);
        var setup = key.Cells.Where(c => c.Type == CellType.Code && !c.HasTag(ExerciseMarkers.GradeTag)).ToList();
        var grades = key.Cells.Where(c => c.Type == CellType.Code && c.HasTag(ExerciseMarkers.GradeTag)).ToList();

        var names = TestNames.Of(key);
        var files = Strings(key.Metadata["course"]?["files"]);
        if (!key.Cells.Any(c => c.Source.Contains(ExerciseMarkers.BeginSolution, StringComparison.Ordinal)))
            return new GradingKey(Path.GetFullPath(keyPath), key, [.. grades.Select((g, i) => new KeyTest(names[i], Release.PointsOf(g), g.Source, [], null, []))],
                                  files, clock.Elapsed, SelfCheck: true, Usage: ResourceUsage.None);

        // Rewriting (Roslyn, here) overlaps with the key's cells running in the worker.
        var rewriting = Task.Run(() =>
        {
            lock (RoslynGate.Compiling)
            {
                var compiler = new CellCompiler();
                foreach (var cell in setup) compiler.Add(cell.Source);
                return grades.Select(g =>
                {
                    var (compilation, tree) = compiler.Add(g.Source);
                    return GradeCellRewriter.Rewrite(compilation, tree, $"{Path.GetFileName(keyPath)}, grade cell {g.Id}");
                }).ToList();
            }
        });

        var tests = new List<KeyTest>();
        var replies = RunInWorker(setup.Select(c => c.Source).ToList(), grades.Count, i => rewriting.GetAwaiter().GetResult()[i].Key, [], budget: null,
            (cell, reply) => throw new KeyException(reply is null
                ? $"{Path.GetFileName(keyPath)}: code cell {cell + 1} of the key did not finish within {limits.CellTimeout.TotalSeconds:0.#} s; raise --timeout or pass shorter -p parameters"
                : $"{Path.GetFileName(keyPath)}: code cell {cell + 1} of the key fails: {reply.Message}"),
            out _, out var usage);
        var rewritten = rewriting.GetAwaiter().GetResult();
        for (var i = 0; i < grades.Count; i++)
        {
            var reply = replies[i];
            var keyError = reply is null ? $"the key's grade cell ran past {limits.CellTimeout.TotalSeconds:0.#} s"
                : reply.Status != "ok" ? reply.Message
                : reply.Records.FirstOrDefault(r => r.KeyFailure is not null || r.Error is not null) is { } bad ? bad.KeyFailure ?? bad.Error
                : reply.Records.Count == 0 && rewritten[i].Checks > 0 ? "none of its checks ran" : null;
            tests.Add(new KeyTest(names[i], Release.PointsOf(grades[i]), rewritten[i].Student, reply?.Records ?? [], keyError, Strings(grades[i].Metadata["course"]?["forbid"])));
        }
        return new GradingKey(Path.GetFullPath(keyPath), key, tests, files, clock.Elapsed, Usage: usage);
    }

    /// <summary>Grade <paramref name="submissionPath"/> with a prepared key; never throws for anything the submission holds.</summary>
    public GradeReport Grade(string submissionPath, GradingKey key)
    {
        var clock = Stopwatch.StartNew();
        NotebookDocument submission;
        try
        {
            submission = NotebookDocument.Load(submissionPath);
        }
        catch (NotebookFormatException e)
        {
            return Unreadable(submissionPath, key, e.Message, clock);
        }
        var (cells, notes) = SubmissionCells.Assemble(key.Notebook, submission);
        var errors = new List<string>(notes);
        SubmissionAudit audit;
        try
        {
            audit = SubmissionAudit.Inspect(cells);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Unreadable(submissionPath, key, $"its code could not be read: {e.Message}", clock);
        }

        if (audit.Everywhere.Count > 0)
        {
            var message = audit.Everywhere[0].Message() + (audit.Everywhere.Count > 1 ? $" (and {audit.Everywhere.Count - 1} more)" : "");
            errors.AddRange(audit.Everywhere.Select(v => v.Message()));
            return new GradeReport(submissionPath, [.. key.Tests.Select(t => new TestResult(t.Name, TestStatus.Error, 0, t.Points, message))], errors, "not run: the code uses what grading forbids",
                                   clock.Elapsed, ResourceUsage.None);
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(submissionPath))!;
        var files = key.Files.Where(f => Path.GetFileName(f) == f).Select(f => Path.Combine(folder, f)).Where(File.Exists).ToList();
        var budget = Stopwatch.StartNew();
        var replies = RunInWorker(cells.Select(c => c.Source).ToList(), key.Tests.Count, i => key.Tests[i].StudentCode, files, budget,
            (cell, reply) => errors.Add($"{cells[cell].Label}: {(reply is null ? $"did not finish within {limits.CellTimeout.TotalSeconds:0.#} s" : reply.Message)}"),
            out var isolation, out var usage);
        var results = key.Tests.Select((test, i) =>
            audit.Forbidden(test.Forbid) is { } forbidden ? new TestResult(test.Name, TestStatus.Failed, 0, test.Points, forbidden.Message())
            : replies[i] is { Status: "budget" } over ? new TestResult(test.Name, over.Message.Contains("ended", StringComparison.Ordinal) ? TestStatus.Error : TestStatus.TimedOut, 0, test.Points, over.Message)
            : key.SelfCheck ? Verdict.SelfCheck(test, replies[i], limits.CellTimeout)
            : Verdict.Judge(test, replies[i], limits.CellTimeout)).ToList();
        if (key.SelfCheck) isolation += "; a self-check against a released notebook: its visible checks ran in your own process, not for credit";
        return new GradeReport(submissionPath, results, errors.Distinct().ToList(), isolation, clock.Elapsed, usage);
    }

    /// <summary>Grade <paramref name="submissions"/>, <paramref name="jobs"/> at a time, with one prepared key; the reports come back in the submissions' order.</summary>
    /// <remarks>
    /// Each submission is graded exactly as it would be alone (its own sandboxed worker, the shared key's expectations, every
    /// verdict here), so the reports do not depend on <paramref name="jobs"/>; only the order they finish in does. Each job is a
    /// thread of its own, since grading mostly waits on a worker.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="jobs"/> is less than 1.</exception>
    public IReadOnlyList<GradeReport> Grade(IReadOnlyList<string> submissions, GradingKey key, int jobs, IGradingProgress? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(jobs, 1);
        var reports = new GradeReport[submissions.Count];
        var next = -1;
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? failure = null;
        void Work()
        {
            int i;
            while (failure is null && (i = Interlocked.Increment(ref next)) < submissions.Count)
            {
                try
                {
                    progress?.Started(i, submissions[i]);
                    reports[i] = Grade(submissions[i], key);
                    progress?.Finished(i, reports[i]);
                }
                catch (Exception e)   // the grader's own trouble (a full disk, bubblewrap gone): stop the batch, report it on the caller's thread
                {
                    Interlocked.CompareExchange(ref failure, System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e), null);
                }
            }
        }
        var threads = Enumerable.Range(0, Math.Min(jobs, submissions.Count)).Select(j => new Thread(Work) { IsBackground = true, Name = $"grade job {j + 1}" }).ToList();
        foreach (var thread in threads) thread.Start();
        foreach (var thread in threads) thread.Join();
        failure?.Throw();
        return reports;
    }

    /// <summary>
    /// Run <paramref name="setup"/> then each of <paramref name="count"/> tests (grade cells, from <paramref name="test"/>) in a worker; one reply per test
    /// (null: timed out). A test that times out or ends the worker gets a fresh worker that replays the setup for the next.
    /// </summary>
    private List<WorkerReply?> RunInWorker(IReadOnlyList<string> setup, int count, Func<int, string> test, IReadOnlyList<string> files, Stopwatch? budget,
                                           Action<int, WorkerReply?> onSetupProblem, out string isolation, out ResourceUsage usage)
    {
        var workDir = Directory.CreateTempSubdirectory("course-grade-").FullName;
        var replies = new List<WorkerReply?>();
        isolation = "";
        usage = ResourceUsage.None;
        WorkerProcess? worker = null;
        try
        {
            var reportSetup = true;
            string? stuck = null;
            for (var t = 0; t < count; t++)
            {
                if (OverBudget(budget)) stuck ??= BudgetSpent;
                if (stuck is not null)
                {
                    replies.Add(new WorkerReply("", "budget", stuck, []));
                    continue;
                }
                if (worker is null)
                {
                    var (start, description, cgroup) = Sandbox.Wrap(workerStart(), limits, workDir, files);
                    isolation = description;
                    worker = new WorkerProcess(start, cgroup);
                    for (var i = 0; i < setup.Count && stuck is null; i++)
                    {
                        var reply = worker.Run(setup[i], Limit(budget, i == 0 ? limits.CellTimeout + StartupAllowance : limits.CellTimeout));
                        if (reply is { Status: "ok" }) continue;
                        if (reportSetup) onSetupProblem(i, reply);
                        if (reply is null) stuck = OverBudget(budget) ? BudgetSpent : $"cell {i + 1} ran past {limits.CellTimeout.TotalSeconds:0.#} s, so this test could not run";
                        else if (reply.Message.StartsWith("the ", StringComparison.Ordinal)) stuck = reply.Message;   // the worker ended
                    }
                    reportSetup = false;
                    if (stuck is not null)
                    {
                        usage = usage.Then(End(worker));
                        worker = null;
                        replies.Add(new WorkerReply("", "budget", stuck, []));
                        continue;
                    }
                }
                var result = worker.Run(test(t), Limit(budget, limits.CellTimeout), grade: true);
                replies.Add(result is null && OverBudget(budget) ? new WorkerReply("", "budget", BudgetSpent, []) : result);
                if (result is null || (result.Status == "error" && result.Message.StartsWith("the ", StringComparison.Ordinal)))
                {
                    usage = usage.Then(End(worker));
                    worker = null;
                }
            }
        }
        finally
        {
            if (worker is not null) usage = usage.Then(End(worker));
            try { Directory.Delete(workDir, recursive: true); } catch (IOException) { }
        }
        return replies;
    }

    /// <summary>End <paramref name="worker"/>: what its process tree used.</summary>
    private static ResourceUsage End(WorkerProcess worker)
    {
        worker.Dispose();
        return worker.Usage;
    }

    private bool OverBudget(Stopwatch? budget) => budget is not null && budget.Elapsed >= limits.SubmissionBudget - TimeSpan.FromSeconds(0.5);

    private string BudgetSpent => $"the submission used its whole time budget of {limits.SubmissionBudget.TotalSeconds:0.#} s";

    private TimeSpan Limit(Stopwatch? budget, TimeSpan cell) =>
        budget is null ? cell : TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(1).Ticks, Math.Min(cell.Ticks, (limits.SubmissionBudget - budget.Elapsed).Ticks)));

    private static GradeReport Unreadable(string path, GradingKey key, string message, Stopwatch clock) =>
        new(path, [.. key.Tests.Select(t => new TestResult(t.Name, TestStatus.Error, 0, t.Points, $"the submission could not be graded: {message}"))],
            [message], "not run", clock.Elapsed, ResourceUsage.None);

    private static List<string> Strings(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(n => n?.GetValue<string>()).OfType<string>()] : [];
}
