using Course.Notebooks.Document;
using Course.Notebooks.Execution;

namespace Course.Notebooks.Tests.Formatting;

/// <summary>.NET Interactive's display API in the engine, as cells use it (issue 17, item 2).</summary>
public class DisplayApiTests
{
    private readonly NotebookEngine engine = new(Path.GetTempPath());

    private static IReadOnlyDictionary<string, string> Only(CellResult result)
    {
        Assert.Null(result.Error);
        return Assert.Single(result.Outputs.Select(o => o switch
        {
            DisplayDataOutput d => d.Data,
            ExecuteResultOutput r => r.Data,
            _ => null,
        }).OfType<IReadOnlyDictionary<string, string>>());
    }

    [Fact]
    public async Task PocketViewTagsWriteEncodedHtml()
    {
        var bundle = Only(await engine.ExecuteAsync("using static Microsoft.DotNet.Interactive.Formatting.PocketViewTags;\nspan[style: \"color:red\"](\"hi <there>\", b(\"!\"))"));
        Assert.Equal("<span style=\"color:red\">hi &lt;there&gt;<b>!</b></span>", bundle["text/html"]);
    }

    [Fact]
    public async Task DisplayOfAPocketViewIsHtml()
    {
        var bundle = Only(await engine.ExecuteAsync("using static Microsoft.DotNet.Interactive.Formatting.PocketViewTags;\ndisplay(div[@class: \"note\", data_id: 3](\"x\"));"));
        Assert.Equal("<div class=\"note\" data-id=\"3\">x</div>", bundle["text/html"]);
    }

    [Theory]
    [InlineData("(LaTeXString)@\"\\frac{1}{2}\"", "text/latex", "\\frac{1}{2}")]
    [InlineData("(MathString)@\"a^2\"", "text/latex", "$$a^2$$")]
    [InlineData("HTML(\"<b>bold</b>\")", "text/html", "<b>bold</b>")]
    [InlineData("Markdown(\"**bold**\")", "text/markdown", "**bold**")]
    public async Task HelpersHaveDotNetInteractivesMimeTypes(string code, string mime, string expected) =>
        Assert.Equal(expected, Only(await engine.ExecuteAsync(code))[mime]);

    [Fact]
    public async Task JavascriptIsAScriptElement()
    {
        var bundle = Only(await engine.ExecuteAsync("Javascript(\"console.log('</script>')\");"));
        Assert.Equal("<script type=\"text/javascript\">\nconsole.log('<\\/script>')\n</script>", bundle["text/html"]);
    }

    [Fact]
    public async Task ASequenceOfObjectsIsATable()
    {
        var bundle = Only(await engine.ExecuteAsync("record P(string Name, int Age);\nnew[] { new P(\"<Ann>\", 31), new P(\"Bo\", 4) }.Display();"));
        Assert.Equal("<table><thead><tr><th><i>index</i></th><th>Name</th><th>Age</th></tr></thead><tbody>"
                     + "<tr><td>0</td><td>&lt;Ann&gt;</td><td>31</td></tr><tr><td>1</td><td>Bo</td><td>4</td></tr></tbody></table>", bundle["text/html"]);
        Assert.Equal("[ P { Name = <Ann>, Age = 31 }, P { Name = Bo, Age = 4 } ]", bundle["text/plain"]);
    }

    [Fact]
    public async Task UpdateReplacesAndClearRemovesTheOutput()
    {
        var result = await engine.ExecuteAsync("var h = display(\"one\"); h.Update(\"two\"); var g = \"gone\".Display(); g.Clear();");
        Assert.Equal("two", Only(result)["text/plain"]);
    }

    [Fact]
    public async Task ClearOutputRemovesWhatTheCellShowedSoFar()
    {
        var result = await engine.ExecuteAsync("Console.WriteLine(\"before\"); display(1); ClearOutput(); display(2);");
        Assert.Equal("2", Only(result)["text/plain"]);
    }
}
