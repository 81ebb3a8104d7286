using Course.Notebooks.Document;
using Course.Notebooks.Grading;
using Course.Notebooks.Tests.Support;

namespace Course.Notebooks.Tests.Grading;

/// <summary>`course grade` end to end: the real CLI, a child process per submission.</summary>
public class GraderTests
{
    private static (string Key, TempFolder Folder) Setup()
    {
        Bubblewrap.Ensure();
        var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("key"));
        var key = folder.File("key/key.ipynb");
        GradingSamples.Key().Save(key);
        return (key, folder);
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
    public void TheKeyScoresFullMarks()
    {
        var (key, folder) = Setup();
        using var _ = folder;
        var result = CourseCli.Run(folder.Path, "grade", key, "--key", key, "--timeout", "60");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("score: 3/3", LastLine(result.Out));
    }

    [SkippableFact]
    public void AFreshReleaseScoresZeroWithoutCrashing()
    {
        var (key, folder) = Setup();
        using var _ = folder;
        var submission = Submit(folder, "fresh", _ => { });
        var result = CourseCli.Run(folder.Path, "grade", submission, "--key", key);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("score: 0/3", LastLine(result.Out));
        Assert.Contains("not answered yet", result.Out);
    }

    [SkippableFact]
    public void AWrongAnswerShowsTheCheckMessageAndHiddenTestsCount()
    {
        var (key, folder) = Setup();
        using var _ = folder;
        var submission = Submit(folder, "wrong", s => Answer(s, twiceBody: "return x < 0 ? x : 2 * x;"));
        var json = folder.File("report.json");
        var result = CourseCli.Run(folder.Path, "grade", submission, "--key", key, "--json", json);
        Assert.Equal("score: 1/3", LastLine(result.Out));
        Assert.Contains("Twice(-4) should be -8, got -4", result.Out);
        Assert.Contains("\"status\": \"failed\"", File.ReadAllText(json));
    }

    [SkippableFact]
    public void HtmlFeedbackShowsScoreAndMessagesAndLoadsNothing()
    {
        var (key, folder) = Setup();
        using var _ = folder;
        var submission = Submit(folder, "wrong", s => Answer(s, twiceBody: "return x < 0 ? x : 2 * x;"));
        var page = folder.File("feedback.html");
        var result = CourseCli.Run(folder.Path, "grade", submission, "--key", key, "--html", page);
        Assert.Equal("score: 1/3", LastLine(result.Out));
        var html = File.ReadAllText(page);
        Assert.Contains("1 / 3 points", html);
        Assert.Contains("Twice(-4) should be -8, got -4", html);
        Assert.Contains("✘ failed", html);
        Assert.Contains("✔ passed", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("http", html);
    }

    [SkippableFact]
    public void BatchHtmlWritesOnePagePerStudent()
    {
        var (key, folder) = Setup();
        using var _ = folder;
        Submit(folder, "alice", s => Answer(s));
        Submit(folder, "bob", _ => { });
        var result = CourseCli.Run(folder.Path, "grade", folder.File("subs"), "--key", key, "--html", folder.File("feedback"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("3 / 3 points", File.ReadAllText(folder.File("feedback/alice.html")));
        Assert.Contains("NotImplementedException", File.ReadAllText(folder.File("feedback/bob.html")));
    }

    [SkippableFact]
    public void EditingOrDeletingGradeCellsChangesNothing()
    {
        var (key, folder) = Setup();
        using var _ = folder;
        var submission = Submit(folder, "cheat", s =>
        {
            Answer(s, threeBody: "return 4;");
            s.Cells.First(c => c.HasTag("grade")).Source = "// I removed the checks";
            s.Cells.RemoveAll(c => c.HasTag("grade") && c.Source.Contains("Three"));
        });
        var result = CourseCli.Run(folder.Path, "grade", submission, "--key", key);
        Assert.Equal("score: 2/3", LastLine(result.Out));
        Assert.Contains("Three() should be 3, got 4", result.Out);
    }

    [SkippableFact]
    public void AnEndlessLoopIsCutOffAndGradingGoesOn()
    {
        var (key, folder) = Setup();
        using var _ = folder;
        var submission = Submit(folder, "loop", s => Answer(s, twiceBody: "while (true) { } "));
        var result = CourseCli.Run(folder.Path, "grade", submission, "--key", key, "--timeout", "10");   // generous: replays compile cells on a busy machine
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("twice: timed out 0/2", result.Out);
        Assert.Equal("score: 1/3", LastLine(result.Out));
    }

    [SkippableFact]
    public void ASubmissionThatThrowsAtTopLevelGetsZeroWithTheMessageShown()
    {
        var (key, folder) = Setup();
        using var _ = folder;
        var submission = Submit(folder, "throws", s =>
        {
            foreach (var cell in s.Cells.Where(c => c.HasTag("exercise"))) cell.Source = "throw new Exception(\"my code is broken\");";
        });
        var result = CourseCli.Run(folder.Path, "grade", submission, "--key", key);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("score: 0/3", LastLine(result.Out));
        Assert.Contains("my code is broken", result.Out);
    }

    [SkippableFact]
    public void AStudentChecksTheirWorkAgainstTheReleasedNotebook()
    {
        var (_, folder) = Setup();
        using var _ = folder;
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
        var (key, folder) = Setup();
        using var _ = folder;
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
