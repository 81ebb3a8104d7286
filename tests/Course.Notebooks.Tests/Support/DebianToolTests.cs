using FailException = Xunit.Sdk.FailException;
using SkipException = Xunit.SkipException;   // what Skip.If throws and [SkippableFact] reports as skipped

namespace Course.Notebooks.Tests.Support;

/// <summary>A missing Debian tool fails the test on CI and skips it elsewhere, with one line naming the package.</summary>
public class DebianToolTests
{
    private static readonly DebianTool missing = new("/nonexistent/bwrap", "bubblewrap");

    [Theory]
    [InlineData("true")]
    [InlineData("1")]
    public void OnCiAMissingToolFailsTheTestNamingThePackage(string ci)
    {
        var failure = Assert.Throws<FailException>(() => missing.Require(ci));
        Assert.Equal("/nonexistent/bwrap is missing: apt-get install -y bubblewrap (as root; .ci/run does)", failure.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void ElsewhereAMissingToolSkipsTheTestForTheSameReason(string? ci)
    {
        var skip = Assert.Throws<SkipException>(() => missing.Require(ci));
        Assert.Equal(missing.Reason, skip.Message);
    }

    [Theory]
    [InlineData("true")]
    [InlineData(null)]
    public void APresentToolLetsTheTestRun(string? ci)
    {
        var shell = new DebianTool("/bin/sh", "dash");
        Assert.True(shell.IsPresent);
        shell.Require(ci);
    }

    [Fact]
    public void AToolThatFailsItsProbeIsMissing()
    {
        var python = new DebianTool("/bin/sh", "python3-nonexistent", "-c", "exit 3");
        Assert.False(python.IsPresent);
        var failure = Assert.Throws<FailException>(() => python.Require("true"));
        Assert.Equal("/bin/sh -c exit 3 failed: apt-get install -y python3-nonexistent (as root; .ci/run does)", failure.Message);
        Assert.True(new DebianTool("/bin/sh", "dash", "-c", "exit 0").IsPresent);
    }

    [Fact]
    public void CiInstallsEveryPackageATestRequires()
    {
        var ci = File.ReadAllText(Path.Combine(Notebooks.RepoRoot, ".ci", "run"));
        var tools = typeof(DebianTool).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DebianTool)).Select(f => (f.Name, Tool: (DebianTool)f.GetValue(null)!)).ToList();
        Assert.NotEmpty(tools);
        foreach (var (name, tool) in tools)
        foreach (var package in tool.Packages.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            Assert.True(System.Text.RegularExpressions.Regex.IsMatch(ci, $@"need\+=\([^)]*\b{System.Text.RegularExpressions.Regex.Escape(package)}\b"),
                $"DebianTool.{name} needs {package}, which .ci/run does not install");
    }
}
