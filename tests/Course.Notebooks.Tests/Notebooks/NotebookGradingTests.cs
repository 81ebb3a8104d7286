using Course.Notebooks.Tests.Support;

namespace Course.Notebooks.Tests.Notebooks;

/// <summary>Every exercise is graded against its reference solution: the key scores full marks, a fresh release zero.</summary>
/// <remarks>
/// Grade cells check the student's functions on fixed and hidden inputs, never a trained model, so grading runs with
/// training switched off (the untrained parameters): the key and both submissions replay every cell, only faster.
/// Two halves (alternate notebooks), so the two grade each on their own core.
/// </remarks>
public static class NotebookGradingTests
{
    public class Even
    {
        [SkippableTheory]
        [MemberData(nameof(CourseNotebooks.WithExercises), 0, 2, MemberType = typeof(CourseNotebooks))]
        public void TheKeyScoresFullMarksAndAFreshReleaseScoresZero(string stem) => KeyAndFreshRelease(stem);
    }

    public class Odd
    {
        [SkippableTheory]
        [MemberData(nameof(CourseNotebooks.WithExercises), 1, 2, MemberType = typeof(CourseNotebooks))]
        public void TheKeyScoresFullMarksAndAFreshReleaseScoresZero(string stem) => KeyAndFreshRelease(stem);
    }

    private static void KeyAndFreshRelease(string stem)
    {
        using var folder = new TempFolder();
        var key = CourseNotebooks.Source(stem);
        var parameters = CourseNotebooks.UntrainedParameters(stem).SelectMany(p => new[] { "-p", $"{p.Key}={p.Value}" }).ToArray();

        Bubblewrap.Ensure();
        // One batch (the key runs once): the key itself must score full marks, a fresh release 0.
        var released = CourseCli.Run(folder.Path, "release", key, "--out", folder.File("submissions"));
        Assert.Equal(0, released.ExitCode);
        File.Move(folder.File($"submissions/{stem}.ipynb"), folder.File("submissions/fresh.ipynb"));
        File.Copy(key, folder.File("submissions/key.ipynb"));
        var graded = CourseCli.Run(TimeSpan.FromMinutes(15), folder.Path, ["grade", folder.File("submissions"), "--key", key, "--timeout", "300", .. parameters]);
        Assert.True(graded.ExitCode == 0, graded.Out + graded.Error);
        var scores = graded.Out.Split('\n').Where(l => l.StartsWith("score: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, scores.Count);
        Assert.StartsWith("score: 0/", scores[0]);                        // fresh.ipynb
        Assert.Matches(@"^score: (\d+(\.\d+)?)/\1$", scores[1].Trim());    // key.ipynb
    }
}
