using Course.Notebooks.Grading;
using Course.Notebooks.Tests.Support;

namespace Course.Notebooks.Tests.Grading;

/// <summary>Shards and gradebooks in memory: the split, the merge and what it refuses, the files.</summary>
public class GradebookTests
{
    public static GradebookBatch Batch(int submissions = 3) => new(
        "key.ipynb", "c0ffee", new Dictionary<string, string> { ["numEpochs"] = "0" }, [new GradebookColumn("twice", 2), new GradebookColumn("three", 1)],
        60, 1200, 6144, submissions, "abc");

    public static Gradebook Book(GradebookBatch batch, Shard? shard, params string[] submissions) => new(batch, shard,
        [.. submissions.Select(s => new GradebookRow(s, 1, 3, [new TestResult("twice", TestStatus.Failed, 0, 2, "Twice(-4) should be -8, got -4"), new TestResult("three", TestStatus.Passed, 1, 1, "")],
                                                     [], "isolated", 1.5, 1.2, 310))]);

    private static string Refusal(params (string File, Gradebook Book)[] books) => Assert.Throws<GradebookException>(() => Gradebook.Merge(books)).Message;

    [Theory]
    [InlineData("0/2")]
    [InlineData("3/2")]
    [InlineData("x")]
    [InlineData("1/0")]
    [InlineData("-1/2")]
    [InlineData("1/2/3")]
    [InlineData("1 /2")]
    [InlineData("")]
    public void ABadShardIsRefusedInOneLineNamingIt(string text)
    {
        var message = Assert.Throws<ArgumentException>(() => Shard.Parse(text)).Message;
        Assert.StartsWith($"--shard {text}: ", message);
        Assert.DoesNotContain('\n', message);
    }

    [Theory]
    [InlineData(1, 2, null, 2)]
    [InlineData(2, 2, null, 1)]
    [InlineData(3, 2, null, 1)]
    [InlineData(2, 16, null, 8)]
    [InlineData(3, 16, null, 5)]
    [InlineData(2, 16, "3", 3)]      // the instructor's own COURSE_THREADS wins
    [InlineData(2, 16, "many", 8)]   // one that is not a number does not
    public void EachWorkerGetsItsShareOfTheCores(int jobs, int cores, string? courseThreads, int threads) =>
        Assert.Equal(threads, GradingLimits.ThreadsPerWorker(jobs, cores, courseThreads));

    [Fact]
    public void ShardsDealSortedFilesRoundRobinAndCoverEachOnce()
    {
        var files = Enumerable.Range(0, 7).Select(i => $"s{i}").ToList();
        Assert.Equal(["s0", "s3", "s6"], Shard.Parse("1/3").Of(files));
        Assert.Equal(["s2", "s5"], Shard.Parse("3/3").Of(files));
        foreach (var n in new[] { 1, 2, 3, 7, 9 })
            Assert.Equal(files, Enumerable.Range(1, n).SelectMany(i => new Shard(i, n).Of(files)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void MergedShardsAreOneRunsRowsInFileNameOrder()
    {
        var merged = Gradebook.Merge([("2.json", Book(Batch(), new Shard(2, 2), "b.ipynb")), ("1.json", Book(Batch(), new Shard(1, 2), "a.ipynb", "c.ipynb"))]);
        Assert.Equal(Book(Batch(), null, "a.ipynb", "b.ipynb", "c.ipynb").ToJson(), merged.ToJson());
    }

    [Fact]
    public void MergeRefusesOverlappingShards()
    {
        Assert.Contains("overlap: both grade a.ipynb", Refusal(("1.json", Book(Batch(2), new Shard(1, 2), "a.ipynb")), ("2.json", Book(Batch(2), new Shard(2, 2), "a.ipynb"))));
        Assert.Contains("are both shard 1/2", Refusal(("1.json", Book(Batch(2), new Shard(1, 2), "a.ipynb")), ("copy.json", Book(Batch(2), new Shard(1, 2)))));
        Assert.Contains("is a whole batch's gradebook", Refusal(("all.json", Book(Batch(2), null, "a.ipynb", "b.ipynb")), ("2.json", Book(Batch(2), new Shard(2, 2)))));
    }

    [Fact]
    public void MergeRefusesShardsOfAnotherBatch()
    {
        var mine = ("1.json", Book(Batch(2), new Shard(1, 2), "a.ipynb"));
        Assert.Contains("a different key", Refusal(mine, ("2.json", Book(Batch(2) with { KeySha256 = "f00d" }, new Shard(2, 2), "b.ipynb"))));
        Assert.Contains("different parameters (-p numEpochs=0 against -p numEpochs=1)",
                        Refusal(mine, ("2.json", Book(Batch(2) with { Parameters = new Dictionary<string, string> { ["numEpochs"] = "1" } }, new Shard(2, 2), "b.ipynb"))));
        Assert.Contains("different limits", Refusal(mine, ("2.json", Book(Batch(2) with { CellTimeoutSeconds = 30 }, new Shard(2, 2), "b.ipynb"))));
        Assert.Contains("a different set of submissions", Refusal(mine, ("2.json", Book(Batch(2) with { SubmissionsSha256 = "abd" }, new Shard(2, 2), "b.ipynb"))));
        Assert.Contains("merge the shards of one split", Refusal(mine, ("2.json", Book(Batch(2), new Shard(2, 3), "b.ipynb"))));
        Assert.Contains("shard 2/2 missing", Refusal(mine));
        Assert.All(new[] { Refusal(mine), Refusal(mine, mine) }, m => Assert.DoesNotContain('\n', m));
    }

    [Fact]
    public void AGradebookReadsBackAsWrittenAndItsCsvKeepsFormulasOut()
    {
        using var folder = new TempFolder();
        var book = Book(Batch(1), null, "=HYPERLINK(evil).ipynb");
        var (csv, json) = book.Save(folder.File("book.csv"));
        Assert.Equal(folder.File("book.json"), json);
        Assert.Equal(book.ToJson(), Gradebook.Load(csv).ToJson());
        Assert.Equal(["submission,twice,three,score,max_score,seconds,cpu_seconds,peak_memory_mb", "'=HYPERLINK(evil).ipynb,0,1,1,3,1.5,1.2,310"], File.ReadAllLines(csv));
    }

    [Fact]
    public void SomethingElseIsNotAGradebook()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("notes.json"), "{\"format\": \"course-gradebook/1\", \"rows\": 3}");
        File.WriteAllText(folder.File("book.csv"), "submission,score\n");
        Assert.StartsWith($"{folder.File("notes.json")} is not a course gradebook: ", Assert.Throws<GradebookException>(() => Gradebook.Load(folder.File("notes.json"))).Message);
        Assert.Contains("its JSON gradebook", Assert.Throws<GradebookException>(() => Gradebook.Load(folder.File("book.csv"))).Message);
    }
}
