using Course.Notebooks.Execution;
using Course.Notebooks.Kernel;

namespace Course.Notebooks.Tests.Kernel;

public class CodeIntelligenceTests
{
    [Theory]
    [InlineData("1+1", "complete")]
    [InlineData("var x = 1;", "complete")]
    [InlineData("", "complete")]
    [InlineData("for (int i = 0; i < 3; i++) {", "incomplete")]
    [InlineData("var s = \"\"\"\nopen raw string", "incomplete")]
    [InlineData("#r \"nuget: Course\"", "complete")]
    [InlineData("Console.WriteLine?", "complete")]
    [InlineData("Console.WriteLine(", "incomplete")]
    [InlineData("var x = (1 + 2));", "invalid")]
    [InlineData("int 3x = 4;", "invalid")]
    [InlineData("var y = );", "invalid")]
    public void IsCompleteFollowsRoslyn(string code, string status) =>
        Assert.Equal(status, CodeIntelligence.IsComplete(code));

    [Theory]
    [InlineData("for (var i = 0; i < 3; i++) {", "    ")]
    [InlineData("if (ok)\n{\n    var x = 1;", "    ")]
    [InlineData("var s = \"\"\"", "")]
    public void TheNextLineIsIndentedOneLevelAfterABrace(string code, string indent) =>
        Assert.Equal(indent, CodeIntelligence.NextIndent(code));

    [Fact]
    public void CompletesMembersAfterADot()
    {
        var completion = CodeIntelligence.Complete(new NotebookEngine("."), "\"abc\".", 6);
        Assert.Contains("Length", completion.Matches);
        Assert.Contains("Substring", completion.Matches);
        Assert.Equal(6, completion.CursorStart);
    }

    [Fact]
    public async Task CompletesVariablesOfEarlierCellsByPrefix()
    {
        var engine = new NotebookEngine(".");
        await engine.ExecuteAsync("var numEpochs = 3;");
        var completion = CodeIntelligence.Complete(engine, "numE", 4);
        Assert.Equal(["numEpochs"], completion.Matches);
        Assert.Equal(0, completion.CursorStart);
        Assert.Contains("CompareTo", CodeIntelligence.Complete(engine, "numEpochs.Comp", 14).Matches);
    }

    [Fact]
    public void CompletesStaticMembersOfATypeAndExtensionMethods()
    {
        var engine = new NotebookEngine(".");
        Assert.Contains("WriteLine", CodeIntelligence.Complete(engine, "Console.Wri", 11).Matches);
        Assert.Contains("Select", CodeIntelligence.Complete(engine, "new[] {1}.Sel", 13).Matches);
    }

    [Fact]
    public void InspectDescribesTheSymbolUnderTheCursor()
    {
        var text = CodeIntelligence.Inspect(new NotebookEngine("."), "Math.Sqrt(2)", 7);
        Assert.NotNull(text);
        Assert.Contains("Math.Sqrt", text);
    }

    [Fact]
    public void InspectFindsNothingForAnUnknownName() => Assert.Null(CodeIntelligence.Inspect(new NotebookEngine("."), "NoSuchThing", 11));

    [Theory]
    [InlineData("abc", 2, 2)]
    [InlineData("😀x", 1, 2)] // one code point, two UTF-16 units
    [InlineData("😀x", 2, 3)]
    public void CursorPositionsCountCodePoints(string code, int codePoints, int utf16)
    {
        Assert.Equal(utf16, CodeIntelligence.ToUtf16(code, codePoints));
        Assert.Equal(codePoints, CodeIntelligence.ToCodePoints(code, utf16));
    }
}
