using System.Diagnostics;
using Course.Notebooks.Document;

namespace Course.Notebooks.Grading;

/// <summary>Grades a submission against the instructor's key in a child process, with a time limit per cell.</summary>
/// <remarks>
/// The submission's own cells run first (never its grade cells: those always come from the key, so
/// editing or deleting them changes nothing). Then each grade cell of the key runs in the same
/// process. A cell past the time limit is killed with its process and scores 0; grading goes on in
/// a fresh process that replays the submission (DESIGN.md, <c>course grade</c>).
/// </remarks>
/// <param name="workerStart">Starts a grade worker (<c>course grade-worker</c>) in a given working folder.</param>
/// <param name="timeout">Time limit for each cell.</param>
public sealed class Grader(Func<string, ProcessStartInfo> workerStart, TimeSpan timeout)
{
    /// <summary>Grade <paramref name="submissionPath"/> with the grade cells of <paramref name="keyPath"/>.</summary>
    /// <param name="submissionPath">The student's notebook.</param>
    /// <param name="keyPath">The instructor's notebook.</param>
    /// <param name="parameters">Overrides for the submission's <c>parameters</c> cell (e.g. fewer epochs).</param>
    /// <exception cref="NotebookFormatException">Either notebook cannot be read.</exception>
    public GradeReport Grade(string submissionPath, string keyPath, IReadOnlyDictionary<string, string>? parameters = null)
    {
        var clock = Stopwatch.StartNew();
        var key = NotebookDocument.Load(keyPath);
        var submission = NotebookDocument.Load(submissionPath);
        if (parameters is not null) Running.NotebookParameters.Apply(submission, parameters);
        var tests = key.Cells.Where(c => c.Type == CellType.Code && c.HasTag(ExerciseMarkers.GradeTag)).ToList();
        var names = TestNames.Of(key);
        var testIds = tests.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var studentCells = submission.Cells
            .Where(c => c.Type == CellType.Code && !c.HasTag(ExerciseMarkers.GradeTag) && !testIds.Contains(c.Id))
            .Select(c => c.Source)
            .ToList();

        var workDir = Path.Combine(Path.GetTempPath(), "course-grade-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(workDir);
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(Path.GetFullPath(submissionPath))!).Where(f => !f.EndsWith(".ipynb", StringComparison.Ordinal)))
            File.Copy(file, Path.Combine(workDir, Path.GetFileName(file)));
        var (start, isolation) = Sandbox.Wrap(workerStart(workDir), workDir);
        var results = new List<TestResult>();
        var submissionErrors = new List<string>();
        try
        {
            WorkerProcess? worker = null;
            string? submissionHangs = null;
            foreach (var (test, name) in tests.Zip(names))
            {
                var points = Release.PointsOf(test);
                if (submissionHangs is not null)
                {
                    results.Add(new TestResult(name, TestStatus.TimedOut, 0, points, submissionHangs));
                    continue;
                }
                if (worker is null)
                {
                    worker = new WorkerProcess(Clone(start));
                    var replayError = Replay(worker, studentCells, submissionErrors, results.Count == 0);
                    if (replayError is not null)
                    {
                        worker.Dispose();
                        worker = null;
                        submissionHangs = replayError;
                        results.Add(new TestResult(name, TestStatus.TimedOut, 0, points, replayError));
                        continue;
                    }
                }
                var reply = worker.Run(test.Source, timeout);
                results.Add(reply switch
                {
                    null => new TestResult(name, TestStatus.TimedOut, 0, points, $"stopped after {timeout.TotalSeconds:0.#} s: an endless loop, or code far too slow"),
                    ("ok", _) => new TestResult(name, TestStatus.Passed, points, points, ""),
                    ("failed", var m) => new TestResult(name, TestStatus.Failed, 0, points, m),
                    (_, var m) => new TestResult(name, TestStatus.Error, 0, points, Explain(m)),
                });
                if (reply is null || reply.Value.Message.StartsWith("the student's code ended", StringComparison.Ordinal))
                {
                    worker.Dispose();
                    worker = null;
                }
            }
            worker?.Dispose();
        }
        finally
        {
            try { Directory.Delete(workDir, recursive: true); } catch (IOException) { }
        }
        return new GradeReport(submissionPath, results, submissionErrors, isolation, clock.Elapsed);
    }

    /// <summary>Extra time for a fresh worker's first cell: the runtime, Roslyn and libtorch start up.</summary>
    private static readonly TimeSpan StartupAllowance = TimeSpan.FromSeconds(30);

    private string? Replay(WorkerProcess worker, IReadOnlyList<string> cells, List<string> errors, bool record)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            var reply = worker.Run(cells[i], i == 0 ? timeout + StartupAllowance : timeout);
            if (reply is null)
            {
                var message = $"the submission's cell {i + 1} ran past {timeout.TotalSeconds:0.#} s, so this test could not run";
                if (record) errors.Add($"cell {i + 1}: did not finish within {timeout.TotalSeconds:0.#} s");
                return message;
            }
            if (record && reply.Value.Status != "ok") errors.Add($"cell {i + 1}: {reply.Value.Message}");
        }
        return null;
    }

    private static string Explain(string message) =>
        message.Contains("NotImplementedException", StringComparison.Ordinal)
            ? "not answered yet: the exercise still throws NotImplementedException"
            : message;

    private static ProcessStartInfo Clone(ProcessStartInfo start)
    {
        var copy = new ProcessStartInfo(start.FileName) { WorkingDirectory = start.WorkingDirectory };
        foreach (var arg in start.ArgumentList) copy.ArgumentList.Add(arg);
        foreach (var (k, v) in start.Environment) copy.Environment[k] = v;
        return copy;
    }
}
