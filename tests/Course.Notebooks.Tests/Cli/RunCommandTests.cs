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

    [Fact]
    public void AFailingNotebookExitsOneAndStillWritesItsOutputs()
    {
        using var folder = new TempFolder();
        var nb = Support.Notebooks.Write(folder, "01-fails", Support.Notebooks.Of("Console.WriteLine(\"ran\");", "int.Parse(\"x\")"));
        var result = CourseCli.Run(folder.Path, "run", nb, "--out", "book");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("01-fails", result.Out);
        Assert.Contains("FormatException", result.Out);
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
}
