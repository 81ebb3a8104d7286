using System.Diagnostics;
using Course.Notebooks.Kernel;

namespace Course.Notebooks.Tests.Kernel;

/// <summary>history_request's globs: IPython's (SQLite GLOB) rules over whole cells.</summary>
public class GlobPatternTests
{
    [Theory]
    [InlineData("6 [*] ?", "6 * 7", true)]
    [InlineData("6 [*] ?", "6 * 77", false)]
    [InlineData("*Sqrt*", "Math.Sqrt(16)", true)]
    [InlineData("Sqrt", "Math.Sqrt(16)", false)]            // the whole cell must match
    [InlineData("var*", "var x = 1;\nvar y = 2;", true)]      // * crosses lines
    [InlineData("var x = ?;", "var x = 1;", true)]
    [InlineData("VAR*", "var x = 1;", false)]                 // case counts
    [InlineData("[a-c]x", "bx", true)]
    [InlineData("[^a-c]x", "bx", false)]
    [InlineData("[^a-c]x", "dx", true)]
    [InlineData("[]]", "]", true)]                           // ] first in a set is literal
    [InlineData("[z-a]", "m", false)]                        // a reversed range matches nothing
    [InlineData("a[1", "a[1", true)]                         // an unclosed [ is literal
    [InlineData("(.+)+$", "(.+)+$", true)]                   // regex syntax is literal text
    [InlineData("(.+)+$", "aaaa", false)]
    [InlineData("\\d", "\\d", true)]
    [InlineData("", "", true)]
    public void MatchesWholeCellsBySqliteGlobRules(string glob, string text, bool matches) =>
        Assert.Equal(matches, new GlobPattern(glob).Matches(text));

    [Fact]
    public void APathologicalPatternOverALongCellAnswersInLinearTime()
    {
        var glob = string.Concat(Enumerable.Repeat("*a", 30)) + "*b";
        var text = new string('a', 200_000);
        var clock = Stopwatch.StartNew();
        Assert.False(new GlobPattern(glob).Matches(text));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData(GlobPattern.MaxLength + 1, "over the 1,000-character limit")]
    public void AnOverlongPatternIsRefusedNamingTheLimit(int length, string message) =>
        Assert.Contains(message, Assert.Throws<ArgumentException>(() => new GlobPattern(new string('*', length))).Message);
}
