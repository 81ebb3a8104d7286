using Course.Notebooks.Tests.Support;

namespace Course.Notebooks.Tests.Cli;

public class RunCommandTests
{
    [Theory]
    [InlineData("/no/such/notebooks", "does not exist")]
    [InlineData("MISSING_OUT_PARENT", "does not exist; create it")]
    [InlineData("BAD_PARAMETER", "is not of the form name=value")]
    public void BadInputGivesOneLineAndExitCodeTwo(string pathOrCase, string expected)
    {
        using var folder = new TempFolder();
        var nb = Support.Notebooks.Write(folder, "a", Support.Notebooks.Of("1"));
        string[] args = pathOrCase switch
        {
            "MISSING_OUT_PARENT" => ["run", nb, "--out", "/no/such/parent/out"],
            "BAD_PARAMETER" => ["run", nb, "-p", "numEpochs"],
            _ => ["run", pathOrCase],
        };
        var result = CourseCli.Run(folder.Path, args);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", result.Error);
    }

    /// <remarks>With <c>--allow-errors</c> (one process for both checks): the cells after the failing ones run too.</remarks>
    [Fact]
    public void AFailingNotebookExitsOneAndStillWritesItsOutputs()
    {
        using var folder = new TempFolder();
        var nb = Support.Notebooks.Write(folder, "01-fails", Support.Notebooks.Of("Console.WriteLine(\"ran\");", "int.Parse(\"x\")", "#!fsharp\nlet x = 1", "Console.WriteLine(\"still ran\");"));
        var result = CourseCli.Run(folder.Path, "run", nb, "--out", "book", "--allow-errors");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("notebooks with errors: 01-fails", result.Out);
        Assert.Contains("FormatException", result.Out);
        var executed = File.ReadAllText(folder.File("book/01-fails.ipynb"));
        Assert.Contains("F# cells are not supported (cell 3, line 1)", executed);
        Assert.Contains("still ran", executed);
        Assert.True(File.Exists(folder.File("book/01-fails.ipynb")));
        Assert.True(File.Exists(folder.File("book/index.html")));
    }

    [Fact]
    public void ASuccessfulRunExitsZeroAndReportsTheNotebook()
    {
        using var folder = new TempFolder();
        var nb = Support.Notebooks.Write(folder, "01-ok", Support.Notebooks.Of("#r \"nuget: Course\"\nCourse.Metrics.Record(\"answer\", 42);"));
        var result = CourseCli.Run(folder.Path, "run", nb);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("answer=42", result.Out);
        Assert.True(File.Exists(folder.File("out/metrics.json")));
    }

    private static string WithTargets(TempFolder folder, string stem, double value, string target)
    {
        var notebook = Support.Notebooks.Of($"#r \"nuget: Course\"\nCourse.Metrics.Record(\"answer\", {value});\nCourse.Metrics.Record(\"baseline\", 40);");
        notebook.Metadata["course"] = System.Text.Json.Nodes.JsonNode.Parse($$$"""{"lecture": "Tests", "targets": {"answer": "{{{target}}}"}}""");
        return Support.Notebooks.Write(folder, stem, notebook);
    }

    [Fact]
    public void MetTargetsArePrintedAndTheRunExitsZero()
    {
        using var folder = new TempFolder();
        var nb = WithTargets(folder, "01-met", 42, "> baseline");
        var result = CourseCli.Run(folder.Path, "run", nb, "--no-book");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("met    target answer > baseline: answer = 42 > baseline = 40", result.Out);
        Assert.Contains("1/1 targets met", result.Out);
        Assert.Contains("\"met\": true", File.ReadAllText(folder.File("out/targets.json")));
    }

    [Fact]
    public void AMissedTargetIsNamedAndTheRunExitsOneUnlessTargetsAreSkipped()
    {
        using var folder = new TempFolder();
        var nb = WithTargets(folder, "01-missed", 38, "> baseline");

        var judged = CourseCli.Run(folder.Path, "run", nb, "--no-book");
        var skipped = CourseCli.Run(folder.Path, "run", nb, "--no-book", "--no-targets");

        Assert.Equal(1, judged.ExitCode);
        Assert.Contains("MISSED target answer > baseline: answer = 38 <= baseline = 40", judged.Out);
        Assert.Contains("0/1 targets met; missed: answer", judged.Out);
        Assert.Equal(0, skipped.ExitCode);
        Assert.DoesNotContain("target", skipped.Out);
        Assert.DoesNotContain("01-missed", File.ReadAllText(folder.File("out/targets.json")));
    }

    [Fact]
    public void ABadTargetFailsItsNotebookWithOneLineNamingIt()
    {
        using var folder = new TempFolder();
        var nb = WithTargets(folder, "01-bad-target", 42, "=> 40");
        var result = CourseCli.Run(folder.Path, "run", nb, "--no-book");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("target answer \"=> 40\": expected a comparison", result.Out);
    }
}
