using Course.Notebooks.Document;
using Course.Notebooks.Grading;
using Course.Notebooks.Tests.Support;

namespace Course.Notebooks.Tests.Grading;

/// <summary>`course grade` end to end: the real CLI, a sandboxed child process per submission.</summary>
/// <remarks>
/// Most cases are submissions in one class of students (<see cref="Batch"/>), graded by one <c>course grade DIR</c> as an
/// instructor would: the key runs once for all of them, and each test reads its student's part of the output.
/// </remarks>
public class GraderTests(GraderTests.Batch batch) : IClassFixture<GraderTests.Batch>
{
    /// <summary>One class graded once: the key itself, a fresh release, and one submission per case below.</summary>
    public sealed class Batch : IDisposable
    {
        private readonly CourseCli.Result? result;

        public Batch()
        {
            if (!DebianTool.Bubblewrap.IsPresent) return;   // each test then skips (or fails on CI) with the reason
            Key = Setup(Folder);
            Directory.CreateDirectory(Folder.File("subs"));
            GradingSamples.Key().Save(Folder.File("subs/key.ipynb"));
            Submit(Folder, "alice", s => Answer(s));
            Submit(Folder, "fresh", _ => { });
            Submit(Folder, "wrong", s => Answer(s, twiceBody: "return x < 0 ? x : 2 * x;"));
            Submit(Folder, "cheat", s =>
            {
                Answer(s, threeBody: "return 4;");
                s.Cells.First(c => c.HasTag("grade")).Source = "// I removed the checks";
                s.Cells.RemoveAll(c => c.HasTag("grade") && c.Source.Contains("Three"));
            });
            Submit(Folder, "loop", s => Answer(s, twiceBody: "while (true) { } "));
            Submit(Folder, "throws", s =>
            {
                foreach (var cell in s.Cells.Where(c => c.HasTag("exercise"))) cell.Source = "throw new Exception(\"my code is broken\");";
            });
            // --timeout 10: generous for the endless loop, as a busy machine replays the compile cells after it.
            result = CourseCli.Run(Folder.Path, "grade", Folder.File("subs"), "--key", Key, "--timeout", "10", "--html", Folder.File("feedback"));
        }

        public TempFolder Folder { get; } = new();

        public string Key { get; } = "";

        /// <summary>What <c>course grade</c> printed for the whole batch.</summary>
        public CourseCli.Result Result
        {
            get
            {
                Bubblewrap.Ensure();
                return result!;
            }
        }

        /// <summary>What the run printed for one submission: from its "grading" line to its score.</summary>
        public string Section(string name)
        {
            var lines = Result.Out.Split('\n');
            var start = Array.FindIndex(lines, l => l.StartsWith("grading ", StringComparison.Ordinal) && l.Contains($"{name}.ipynb ", StringComparison.Ordinal));
            Assert.True(start >= 0, $"no section for {name}:\n{Result.Out}{Result.Error}");
            var end = Array.FindIndex(lines, start, l => l.StartsWith("score: ", StringComparison.Ordinal));
            return string.Join('\n', lines[start..(end + 1)]);
        }

        /// <summary>The submission's gradebook row without its timings (seconds, CPU seconds, peak memory), e.g. <c>alice.ipynb,2,1,3,3</c>.</summary>
        public string Row(string name)
        {
            _ = Result;   // skips without bubblewrap
            var row = File.ReadAllLines(Folder.File("subs/gradebook.csv")).Single(r => r.StartsWith(name + ".ipynb,", StringComparison.Ordinal));
            return string.Join(',', row.Split(',')[..^3]);
        }

        public void Dispose() => Folder.Dispose();
    }

    private static string Setup(TempFolder folder)
    {
        Bubblewrap.Ensure();
        Directory.CreateDirectory(folder.File("key"));
        var key = folder.File("key/key.ipynb");
        GradingSamples.Key().Save(key);
        return key;
    }

    private static string Submit(TempFolder folder, string name, Action<NotebookDocument> edit)
    {
        var student = Release.Make(GradingSamples.Key(), "key.ipynb");
        edit(student);
        Directory.CreateDirectory(folder.File("subs"));
        var path = folder.File("subs/" + name + ".ipynb");
        student.Save(path);
        return path;
    }

    private static void Answer(NotebookDocument student, string twiceBody = "return scale * x;", string threeBody = "return 3;")
    {
        var exercises = student.Cells.Where(c => c.HasTag("exercise")).ToList();
        exercises[0].Source = exercises[0].Source.Replace(Release_Placeholder, twiceBody);
        exercises[1].Source = exercises[1].Source.Replace(Release_Placeholder, threeBody);
    }

    private const string Release_Placeholder = "throw new NotImplementedException();";

    private static string LastLine(string text) => text.Trim().Split('\n')[^1];

    [SkippableFact]
    public void TheBatchRunsToTheEnd() => Assert.True(batch.Result.ExitCode == 0, batch.Result.Out + batch.Result.Error);

    [SkippableFact]
    public void TheKeyScoresFullMarks() => Assert.Equal("score: 3/3", LastLine(batch.Section("key")));

    [SkippableFact]
    public void AFreshReleaseScoresZeroWithoutCrashing()
    {
        Assert.Equal("score: 0/3", LastLine(batch.Section("fresh")));
        Assert.Contains("not answered yet", batch.Section("fresh"));
    }

    [SkippableFact]
    public void AWrongAnswerShowsTheCheckMessageAndHiddenTestsCount()
    {
        Assert.Equal("score: 1/3", LastLine(batch.Section("wrong")));
        Assert.Contains("Twice(-4) should be -8, got -4", batch.Section("wrong"));
    }

    [SkippableFact]
    public void EditingOrDeletingGradeCellsChangesNothing()
    {
        Assert.Equal("score: 2/3", LastLine(batch.Section("cheat")));
        Assert.Contains("Three() should be 3, got 4", batch.Section("cheat"));
    }

    [SkippableFact]
    public void AnEndlessLoopIsCutOffAndGradingGoesOn()
    {
        Assert.Contains("twice: timed out 0/2", batch.Section("loop"));
        Assert.Equal("score: 1/3", LastLine(batch.Section("loop")));
    }

    [SkippableFact]
    public void ASubmissionThatThrowsAtTopLevelGetsZeroWithTheMessageShown()
    {
        Assert.Equal("score: 0/3", LastLine(batch.Section("throws")));
        Assert.Contains("my code is broken", batch.Section("throws"));
    }

    [SkippableFact]
    public void BatchModeWritesAGradebook()
    {
        Assert.Equal("alice.ipynb,2,1,3,3", batch.Row("alice"));
        Assert.Equal("submission,twice,three,score,max_score,seconds,cpu_seconds,peak_memory_mb", File.ReadLines(batch.Folder.File("subs/gradebook.csv")).First());
        Assert.Equal("fresh.ipynb,0,0,0,3", batch.Row("fresh"));
        Assert.Equal("loop.ipynb,0,1,1,3", batch.Row("loop"));
    }

    [SkippableFact]
    public void BatchHtmlWritesOnePagePerStudent()
    {
        Assert.Equal(0, batch.Result.ExitCode);
        Assert.Contains("3 / 3 points", File.ReadAllText(batch.Folder.File("feedback/alice.html")));
        Assert.Contains("NotImplementedException", File.ReadAllText(batch.Folder.File("feedback/fresh.html")));
    }

    [SkippableFact]
    public void OneSubmissionGetsItsJsonReportAndAFeedbackPageThatLoadsNothing()
    {
        using var folder = new TempFolder();
        var key = Setup(folder);
        var submission = Submit(folder, "wrong", s => Answer(s, twiceBody: "return x < 0 ? x : 2 * x;"));
        var json = folder.File("report.json");
        var page = folder.File("feedback.html");
        var result = CourseCli.Run(folder.Path, "grade", submission, "--key", key, "--json", json, "--html", page);
        Assert.Equal("score: 1/3", LastLine(result.Out));
        Assert.Contains("\"status\": \"failed\"", File.ReadAllText(json));
        var html = File.ReadAllText(page);
        Assert.Contains("1 / 3 points", html);
        Assert.Contains("Twice(-4) should be -8, got -4", html);
        Assert.Contains("✘ failed", html);
        Assert.Contains("✔ passed", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("http", html);
    }

    [SkippableFact]
    public void AStudentChecksTheirWorkAgainstTheReleasedNotebook()
    {
        using var folder = new TempFolder();
        Setup(folder);
        var release = Submit(folder, "release", _ => { });
        var mine = Submit(folder, "mine", s => Answer(s, twiceBody: "return x < 0 ? x : 2 * x;"));   // right on the visible test only
        var result = CourseCli.Run(folder.Path, "grade", mine, "--key", release);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("self-check", result.Out);
        Assert.Equal("score: 3/3", LastLine(result.Out));   // the hidden test is not in the release
    }

    [SkippableFact]
    public void TheSubmissionsTimeBudgetCutsOffAFiniteButSlowSubmission()
    {
        using var folder = new TempFolder();
        var key = Setup(folder);
        var submission = Submit(folder, "slow", s =>
        {
            Answer(s);
            s.Cells.Insert(2, NotebookCell.Code("Thread.Sleep(TimeSpan.FromSeconds(25));"));
        });
        var result = CourseCli.Run(folder.Path, "grade", submission, "--key", key, "--timeout", "40", "--budget", "10");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("score: 0/3", LastLine(result.Out));
        Assert.Contains("time budget of 10 s", result.Out);
    }
}
