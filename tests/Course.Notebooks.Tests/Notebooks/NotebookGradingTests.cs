using Course.Notebooks.Document;
using Course.Notebooks.Grading;
using Course.Notebooks.Tests.Support;

namespace Course.Notebooks.Tests.Notebooks;

/// <summary>Every exercise is graded against its reference solution: the key passes every test it holds, a fresh release scores zero.</summary>
/// <remarks>
/// One executed key serves both checks (issue 16): <see cref="Grader.PrepareKey"/> runs the key in a sandboxed worker, and
/// every check of every grade cell runs there against the key's own solution — a check the solution fails is a
/// <see cref="KeyTest.KeyError"/>, which would score 0 for every student. A fresh release is then graded against that key
/// in a second worker. Grade cells check the student's functions on fixed and hidden inputs, never a trained model, so
/// grading runs with training switched off (the untrained parameters). Three parts (every third notebook): grading is
/// the suite's longest chain of work, so its parts start first (<see cref="Support.HeaviestFirst"/>) and run side by side.
/// </remarks>
public static class NotebookGradingTests
{
    public class First
    {
        [SkippableTheory]
        [MemberData(nameof(CourseNotebooks.WithExercises), 0, 3, MemberType = typeof(CourseNotebooks))]
        public void TheKeyPassesEveryTestAndAFreshReleaseScoresZero(string stem) => KeyAndFreshRelease(stem);
    }

    public class Second
    {
        [SkippableTheory]
        [MemberData(nameof(CourseNotebooks.WithExercises), 1, 3, MemberType = typeof(CourseNotebooks))]
        public void TheKeyPassesEveryTestAndAFreshReleaseScoresZero(string stem) => KeyAndFreshRelease(stem);
    }

    public class Third
    {
        [SkippableTheory]
        [MemberData(nameof(CourseNotebooks.WithExercises), 2, 3, MemberType = typeof(CourseNotebooks))]
        public void TheKeyPassesEveryTestAndAFreshReleaseScoresZero(string stem) => KeyAndFreshRelease(stem);
    }

    private static void KeyAndFreshRelease(string stem)
    {
        Bubblewrap.Ensure();
        using var folder = new TempFolder();
        var source = CourseNotebooks.Source(stem);
        var grader = new Grader(CourseCli.WorkerStart, GradingLimits.Default with { CellTimeout = TimeSpan.FromSeconds(300) });

        var key = grader.PrepareKey(source, CourseNotebooks.UntrainedParameters(stem));
        Assert.NotEmpty(key.Tests);
        foreach (var test in key.Tests)
        {
            Assert.True(test.KeyError is null, $"{stem}, {test.Name}: the key fails its own test: {test.KeyError}");
            Assert.True(test.Expectations.Count > 0, $"{stem}, {test.Name}: no check ran in the key");
        }
        // The key's answers, read as a student's would be, use nothing grading forbids.
        var audit = SubmissionAudit.Inspect(SubmissionCells.Assemble(key.Notebook, key.Notebook).Cells);
        Assert.True(audit.Everywhere.Count == 0, $"{stem}: the key's answers use {string.Join("; ", audit.Everywhere.Select(v => v.Message()))}");
        foreach (var test in key.Tests) Assert.Null(audit.Forbidden(test.Forbid)?.Message());

        var release = folder.File(stem + ".ipynb");
        Release.Make(NotebookDocument.Load(source), stem + ".ipynb").Save(release);
        var report = grader.Grade(release, key);
        Assert.Equal(key.Tests.Select(t => t.Name), report.Tests.Select(t => t.Name));
        foreach (var test in report.Tests)
            Assert.True(test.Points == 0 && test.Message.Contains("not answered yet", StringComparison.Ordinal), $"{stem}, {test.Name}: {test.Status} {test.Points}/{test.MaxPoints}: {test.Message}");
        Assert.Empty(report.SubmissionErrors);
    }
}
