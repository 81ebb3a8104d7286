using System.Text.Json.Nodes;
using Course.Notebooks.Kernel;

namespace Course.Notebooks.Tests.Kernel;

/// <summary>history_request's three ways in, with IPython's rules for sessions, negative lines and unique search.</summary>
public class KernelHistoryTests
{
    private readonly KernelHistory history = new();

    public KernelHistoryTests()
    {
        history.Record(1, "var numEpochs = 3;", "var numEpochs = 1;", null);  // COURSE_PARAMETERS changed what ran
        history.Record(2, "6 * 7", "6 * 7", "42");
        history.Record(3, "throw new Exception();", "throw new Exception();", null);
        history.Record(5, "6 * 7", "6 * 7", "42");                           // line 4 was silent: not kept
    }

    private static IEnumerable<int> Lines(IEnumerable<HistoryEntry> entries) => entries.Select(e => e.Line);

    [Theory]
    [InlineData(2, new[] { 3, 5 })]
    [InlineData(10, new[] { 1, 2, 3, 5 })]
    [InlineData(0, new int[0])]
    [InlineData(-1, new int[0])]
    public void TailGivesTheLastCellsOldestFirst(int n, int[] lines) => Assert.Equal(lines, Lines(history.Tail(n)));

    [Theory]
    [InlineData(1, 2, 4, new[] { 2, 3 })]
    [InlineData(0, 2, 4, new[] { 2, 3 })]       // 0: this session
    [InlineData(1, 1, 0, new[] { 1, 2, 3, 5 })] // stop 0: to the end
    [InlineData(1, -2, 0, new[] { 5 })]         // negative: counted back from the next line (6)
    [InlineData(1, 1, -1, new[] { 1, 2, 3 })]
    [InlineData(1, 1, 99, new[] { 1, 2, 3, 5 })]
    [InlineData(-1, 1, 0, new int[0])]          // the previous session is not kept
    [InlineData(2, 1, 0, new int[0])]
    public void RangeFollowsIPythonsSessionAndLineRules(int session, int start, int stop, int[] lines) =>
        Assert.Equal(lines, Lines(history.Range(session, start, stop)));

    [Theory]
    [InlineData("6*", int.MaxValue, false, new[] { 2, 5 })]
    [InlineData("6*", int.MaxValue, true, new[] { 5 })]   // unique keeps the latest run
    [InlineData("*", 2, false, new[] { 3, 5 })]
    [InlineData("*", 2, true, new[] { 3, 5 })]
    [InlineData("*", int.MaxValue, true, new[] { 1, 3, 5 })]
    [InlineData("var numEpochs = 3;", int.MaxValue, false, new[] { 1 })] // searches what was typed
    [InlineData("nothing", int.MaxValue, false, new int[0])]
    public void SearchMatchesTypedCellsByGlob(string glob, int n, bool unique, int[] lines) =>
        Assert.Equal(lines, Lines(history.Search(new GlobPattern(glob), n, unique)));

    private JsonArray Answer(string content) =>
        history.Answer(JupyterMessage.Create("client", "history_request", JsonNode.Parse(content)!.AsObject()))["history"]!.AsArray();

    [Fact]
    public void TheReplyHoldsSessionLineAndInputOrInputAndOutput()
    {
        Assert.Equal("""[[1,5,"6 * 7"]]""", Answer("""{"hist_access_type": "tail", "n": 1, "raw": true, "output": false}""").ToJsonString());
        Assert.Equal("""[[1,3,["throw new Exception();",null]],[1,5,["6 * 7","42"]]]""",
            Answer("""{"hist_access_type": "tail", "n": 2, "raw": true, "output": true}""").ToJsonString());
        Assert.Equal("""[[1,1,"var numEpochs = 1;"]]""", Answer("""{"hist_access_type": "range", "start": 1, "stop": 2, "raw": false, "output": false}""").ToJsonString());
        Assert.Equal(4, Answer("""{"hist_access_type": "search", "raw": true, "output": false}""").Count); // pattern * by default
    }

    [Theory]
    [InlineData("""{"hist_access_type": "all"}""", "\"hist_access_type\" must be \"tail\", \"range\" or \"search\", not \"all\"")]
    [InlineData("""{"hist_access_type": "tail", "n": "5"}""", "\"n\" must be an integer")]
    [InlineData("""{"hist_access_type": "range", "session": 1.5}""", "\"session\" must be an integer")]
    [InlineData("""{"hist_access_type": "search", "pattern": 7}""", "\"pattern\" must be a string")]
    [InlineData("""{"hist_access_type": "search", "unique": "yes"}""", "\"unique\" must be true or false")]
    public void AMistypedRequestIsRefusedNamingTheField(string content, string message) =>
        Assert.Contains(message, Assert.Throws<BadRequestException>(() => Answer(content)).Message);

    [Fact]
    public void AnOverlongPatternIsRefusedAsABadRequest()
    {
        var content = new JsonObject { ["hist_access_type"] = "search", ["pattern"] = new string('*', 100_000) };
        var error = Assert.Throws<BadRequestException>(() => history.Answer(JupyterMessage.Create("client", "history_request", content)));
        Assert.StartsWith("history_request: \"pattern\": the pattern is 100,000 characters", error.Message);
    }

    [Fact]
    public void AHugeResultIsKeptCutWithANote()
    {
        history.Record(6, "new string('x', 1_000_000)", "new string('x', 1_000_000)", new string('x', 1_000_000));
        var kept = history.Tail(1)[0].Output!;
        Assert.Equal(new string('x', KernelHistory.MaxOutputChars), kept[..KernelHistory.MaxOutputChars]);
        Assert.EndsWith("[result cut at 100,000 of 1,000,000 characters]", kept);
    }
}
