using System.Text.Json.Nodes;
using Course.Notebooks.Document;
using Course.Notebooks.Grading;
using Course.Notebooks.Tests.Support;

namespace Course.Notebooks.Tests.Grading;

/// <summary>`course grade --jobs` and `--shard`, and `course gradebook merge`, end to end on the small sample key.</summary>
public class ParallelGradingTests
{
    private const string Placeholder = "throw new NotImplementedException();";

    /// <summary>A folder with the key and three submissions: right, unanswered, half right.</summary>
    private static (string Key, string Submissions) Class(TempFolder folder)
    {
        Directory.CreateDirectory(folder.File("key"));
        var key = folder.File("key/key.ipynb");
        GradingSamples.Key().Save(key);
        var submissions = Directory.CreateDirectory(folder.File("subs")).FullName;
        foreach (var (name, twice, three) in new[] { ("alice", "return scale * x;", "return 3;"), ("bob", Placeholder, Placeholder), ("carol", "return x < 0 ? x : 2 * x;", "return 3;") })
        {
            var student = Release.Make(GradingSamples.Key(), "key.ipynb");
            var exercises = student.Cells.Where(c => c.HasTag("exercise")).ToList();
            exercises[0].Source = exercises[0].Source.Replace(Placeholder, twice);
            exercises[1].Source = exercises[1].Source.Replace(Placeholder, three);
            student.Save(Path.Combine(submissions, name + ".ipynb"));
        }
        return (key, submissions);
    }

    /// <summary>The gradebook's JSON with every row's seconds, CPU seconds and memory left out.</summary>
    private static string WithoutTimings(string jsonFile)
    {
        var book = JsonNode.Parse(File.ReadAllText(jsonFile))!;
        foreach (var row in book["rows"]!.AsArray())
            foreach (var field in new[] { "seconds", "cpu_seconds", "peak_memory_mb" }) row!.AsObject().Remove(field);
        return book.ToJsonString();
    }

    private static string[] CsvWithoutTimings(string csvFile) =>
        [.. File.ReadAllLines(csvFile).Select(l => string.Join(',', l.Split(',')[..^3]))];

    [SkippableFact]
    public void ShardsGradedTwoAtATimeMergeIntoTheGradebookOfOneRunGradedOneAtATime()
    {
        Bubblewrap.Ensure();
        using var folder = new TempFolder();
        var (key, subs) = Class(folder);

        var one = CourseCli.Run(folder.Path, "grade", subs, "--key", key, "--jobs", "1", "--csv", folder.File("one.csv"));
        var first = CourseCli.Run(folder.Path, "grade", subs, "--key", key, "--jobs", "2", "--shard", "1/2");   // alice and carol, at once
        var second = CourseCli.Run(folder.Path, "grade", subs, "--key", key, "--shard", "2/2");                 // bob
        var merged = CourseCli.Run(folder.Path, "gradebook", "merge", Path.Combine(subs, "gradebook.shard-2-of-2.json"),
                                   Path.Combine(subs, "gradebook.shard-1-of-2.csv"), "--out", folder.File("merged.csv"));

        foreach (var run in new[] { one, first, second, merged }) Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Equal(["submission,twice,three,score,max_score", "alice.ipynb,2,1,3,3", "bob.ipynb,0,0,0,3", "carol.ipynb,0,1,1,3"], CsvWithoutTimings(folder.File("one.csv")));
        Assert.Equal(CsvWithoutTimings(folder.File("one.csv")), CsvWithoutTimings(folder.File("merged.csv")));
        Assert.Equal(WithoutTimings(folder.File("one.json")), WithoutTimings(folder.File("merged.json")));
        Assert.Equal(["alice.ipynb", "carol.ipynb"], Gradebook.Load(Path.Combine(subs, "gradebook.shard-1-of-2.json")).Rows.Select(r => r.Submission));
        // Each graded row has its wall time, its worker's CPU time and peak memory (a .NET process with Roslyn: well over 50 MB).
        Assert.All(Gradebook.Load(folder.File("merged.json")).Rows, r => Assert.True(r.Seconds > 0 && r.CpuSeconds > 0 && r.PeakMemoryMb > 50, $"{r.Submission}: {r.Seconds} s, {r.CpuSeconds} s CPU, {r.PeakMemoryMb} MB"));
        // The output reads in the batch's order whatever finished first.
        Assert.True(first.Out.IndexOf("alice.ipynb", StringComparison.Ordinal) < first.Out.IndexOf("carol.ipynb", StringComparison.Ordinal), first.Out);
        Assert.Contains("2 at once with ", first.Out);
    }

    [SkippableTheory]
    [InlineData("0/2", "--shard 0/2: I must be from 1 to 2")]
    [InlineData("3/2", "--shard 3/2: I must be from 1 to 2")]
    [InlineData("x", "--shard x: expected I/N")]
    public void ABadShardIsOneLineBeforeAnythingRuns(string shard, string message)
    {
        using var folder = new TempFolder();
        var (key, subs) = (folder.File("key.ipynb"), Directory.CreateDirectory(folder.File("subs")).FullName);
        GradingSamples.Key().Save(key);
        var result = CourseCli.Run(folder.Path, "grade", subs, "--key", key, "--shard", shard);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("course grade: " + message, result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.False(File.Exists(Path.Combine(subs, "gradebook.csv")));
    }

    [Fact]
    public void MergeRefusesShardsOfDifferentKeysInOneLineAndWritesNothing()
    {
        using var folder = new TempFolder();
        GradebookTests.Book(GradebookTests.Batch(), new Shard(1, 2), "a.ipynb").Save(folder.File("s1.json"));
        GradebookTests.Book(GradebookTests.Batch() with { KeySha256 = "f00d" }, new Shard(2, 2), "b.ipynb").Save(folder.File("s2.json"));
        var result = CourseCli.Run(folder.Path, "gradebook", "merge", folder.File("s1.json"), folder.File("s2.json"), "--out", folder.File("all.csv"));
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("course gradebook merge: " + folder.File("s2.json") + " was graded with a different key", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.False(File.Exists(folder.File("all.csv")));
    }
}
