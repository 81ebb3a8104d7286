using System.Diagnostics;
using Course.Notebooks.Document;
using Course.Notebooks.Grading;
using Course.Notebooks.Tests.Support;

namespace Course.Notebooks.Tests.Grading;

/// <summary>
/// Issue 14's attacks, each as a student would try it with one extra cell in an unanswered release: every one scores 0,
/// the key never shows up in a report, nothing survives grading, and the honest submission in the same batch still
/// scores full marks. One batch (the key runs once) keeps this fast.
/// </summary>
public class GradingAttackTests
{
    private static readonly Dictionary<string, string> attacks = new()
    {
        // Forged replies, written where the old worker's replies went (bypassing Console).
        ["forged-stdout"] = """
            for (var i = 0; i < 50; i++) File.AppendAllText("/dev/stdout", "{\"status\":\"ok\",\"message\":\"\",\"nonce\":\"\",\"records\":[]}\n");
            """,
        // A class named like the checks, with empty methods, beside a wrong answer.
        ["own-check"] = """
            int Twice(int x) => 0;
            static class Check
            {
                public static void Equal<T>(T a, T b, string what) { }
                public static void Close(double a, double b, double t, string what) { }
                public static void That(bool c, string what) { }
            }
            """,
        // Look for the instructor's notebook and put its text into the feedback.
        ["key-search"] = """
            var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
            foreach (var root in new[] { "/root", "/home", "/tmp", "/work", "/var", "/grade", "/" + "usr/local" })
                if (Directory.Exists(root))
                    foreach (var file in Directory.EnumerateFiles(root, "*.ipynb", options))
                        if (File.ReadAllText(file).Contains("BEGIN SOLUTION")) throw new Exception("FOUND " + File.ReadAllText(file));
            """,
        // Reflection, to reach past the grade cells.
        ["reflection"] = """var write = typeof(Console).GetMethod("WriteLine", [typeof(string)]);""",
        // A process that outlives grading.
        ["process"] = """System.Diagnostics.Process.Start("setsid", "-f sleep 777");""",
        // A flood of output.
        ["flood"] = """for (var i = 0; i < 300; i++) Console.Write(new string('x', 1 << 20));""",
        // Crash the worker.
        ["crash"] = """int Down(int n) => Down(n + 1) + 1; Down(0);""",
        // More memory than the cap (16 GB of native memory).
        ["memory"] = """var huge = TorchSharp.torch.ones(new long[] { 1L << 32 }); Console.WriteLine(huge.sum().item<float>());""",
        // Fill the disk.
        ["disk"] = """File.WriteAllBytes("big.bin", new byte[400 << 20]);""",
    };

    [SkippableFact]
    public void EveryAttackScoresZeroTheKeyStaysHiddenAndTheHonestSubmissionScoresFullMarks()
    {
        Bubblewrap.Ensure();
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("key"));
        var key = folder.File("key/key.ipynb");
        var instructor = GradingSamples.Key();
        instructor.Save(key);
        var submissions = Directory.CreateDirectory(folder.File("subs")).FullName;
        instructor.Save(Path.Combine(submissions, "honest.ipynb"));
        foreach (var (name, code) in attacks)
        {
            var student = Release.Make(instructor, "key.ipynb");
            student.Cells.Insert(2, NotebookCell.Code(code));
            student.Save(Path.Combine(submissions, name + ".ipynb"));
        }
        File.WriteAllText(Path.Combine(submissions, "not-a-notebook.ipynb"), "%PDF-1.4 this is not a notebook");

        var result = CourseCli.Run(folder.Path, "grade", submissions, "--key", key, "--timeout", "30", "--budget", "90", "--memory", "3072");

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        var rows = Scores(Path.Combine(submissions, "gradebook.csv"));
        Assert.Equal("3", rows["honest.ipynb"]);
        foreach (var name in attacks.Keys.Append("not-a-notebook")) Assert.True(rows[name + ".ipynb"] == "0", $"{name} scored {rows[name + ".ipynb"]}:\n{result.Out}");
        Assert.DoesNotContain("BEGIN SOLUTION", result.Out);
        Assert.DoesNotContain("return scale * x", result.Out);
        Assert.DoesNotContain("FOUND", result.Out);
        Assert.Contains("reflection", result.Out);
        Assert.Contains("starting processes", result.Out);
        Assert.Contains("can't allocate memory", result.Out);     // libtorch's allocation past the memory cap fails inside the cell
        Assert.DoesNotContain("left out", result.Out);
        Assert.DoesNotContain(Process.GetProcesses(), p => Safe(() => File.ReadAllText($"/proc/{p.Id}/cmdline").Contains("777")));
    }

    /// <summary>Issue 14's bar: the attacks on the released <c>03-cnn-by-hand</c> that depend on its exercises, beside its key (full marks).</summary>
    /// <remarks>
    /// The attacks on the sandbox itself (forged replies, searching for the key, a process that outlives grading) do not
    /// depend on the notebook and run against the small key above; here only the ones aimed at 03's checks and library.
    /// </remarks>
    [SkippableFact]
    public void TheAttacksScoreZeroOnTheReleasedCnnByHandNotebook()
    {
        Bubblewrap.Ensure();
        using var folder = new TempFolder();
        var key = Path.Combine(Support.Notebooks.RepoRoot, "notebooks", "03-cnn-by-hand.ipynb");
        var instructor = NotebookDocument.Load(key);
        var submissions = Directory.CreateDirectory(folder.File("subs")).FullName;
        instructor.Save(Path.Combine(submissions, "honest.ipynb"));
        var exercise = instructor.Cells.FindIndex(c => c.HasTag("exercise"));
        void Attack(string name, string code, Func<string, string>? answer = null)
        {
            var student = Release.Make(instructor, "03-cnn-by-hand.ipynb");
            if (answer is not null)
                foreach (var cell in student.Cells.Where(c => c.HasTag("exercise"))) cell.Source = answer(cell.Source);
            student.Cells.Insert(exercise, NotebookCell.Code(code));
            student.Save(Path.Combine(submissions, name + ".ipynb"));
        }
        Attack("own-check", "static class Check { public static void Equal<T>(T a, T b, string w) { } public static void Close(double a, double b, double t, string w) { } public static void Close(Array a, Array b, double t, string w) { } }",
               source => source.Replace("throw new NotImplementedException();", "return new float[1, 1];"));
        Attack("by-hand", "// the library answers every exercise", source => source
            .Replace("throw new NotImplementedException();", source.Contains("Conv2d") ? "return ByHand.Conv2d(x, k, stride, padding);"
                                                             : source.Contains("Relu") ? "return ByHand.Relu(x);"
                                                             : source.Contains("MaxPool") ? "return ByHand.MaxPool(x, size, stride, ceilMode: true);"
                                                             : "throw new NotImplementedException();"));   // the graded questions stay unanswered

        var result = CourseCli.Run(folder.Path, "grade", submissions, "--key", key, "--timeout", "60", "-p", "numRandomChecks=5");

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        var rows = Scores(Path.Combine(submissions, "gradebook.csv"));
        Assert.Equal(NotebookDocument.Load(key).Cells.Where(c => c.HasTag("grade")).Sum(Release.PointsOf).ToString(System.Globalization.CultureInfo.InvariantCulture), rows["honest.ipynb"]);   // full marks
        foreach (var name in new[] { "own-check", "by-hand" })
            Assert.True(rows[name + ".ipynb"] == "0", $"{name} scored {rows[name + ".ipynb"]}:\n{result.Out}");
        Assert.Contains("Course.Cnn.ByHand.Conv2d", result.Out);
        Assert.DoesNotContain("BEGIN SOLUTION", result.Out);
    }

    /// <summary>The gradebook's score column, by submission.</summary>
    /// <remarks>Read from the gradebook's JSON beside the CSV: test names (CSV columns) may hold commas.</remarks>
    private static Dictionary<string, string> Scores(string gradebook) =>
        Gradebook.Load(Path.ChangeExtension(gradebook, ".json")).Rows.ToDictionary(r => r.Submission, r => r.Score.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static bool Safe(Func<bool> check)
    {
        try { return check(); } catch (IOException) { return false; } catch (UnauthorizedAccessException) { return false; }
    }
}
