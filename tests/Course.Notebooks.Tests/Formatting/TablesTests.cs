using Course.Notebooks.Formatting;

namespace Course.Notebooks.Tests.Formatting;

public class TablesTests
{
    public sealed record Row(string Name, object? Extra);

    [Fact]
    public void CellValuesAreEncoded()
    {
        var html = DisplayBundle.For(new[] { new Row("<img src=x onerror=alert(1)>", null) })["text/html"];
        Assert.Contains("<td>&lt;img src=x onerror=alert(1)&gt;</td><td>&lt;null&gt;</td>", html);
        Assert.DoesNotContain("<img", html);
    }

    [Fact]
    public void ADictionaryHasAKeyColumnWithEncodedKeys()
    {
        var html = DisplayBundle.For(new Dictionary<string, int> { ["<b>"] = 1 })["text/html"];
        Assert.Equal("<table><thead><tr><th><i>key</i></th><th>value</th></tr></thead><tbody><tr><td>&lt;b&gt;</td><td>1</td></tr></tbody></table>", html);
    }

    [Fact]
    public void SequencesInASequenceAreValues() =>
        Assert.Equal("<table><thead><tr><th><i>key</i></th><th>value</th></tr></thead><tbody><tr><td>a</td><td>[ 1, 2 ]</td></tr></tbody></table>",
                     DisplayBundle.For(new Dictionary<string, List<int>> { ["a"] = [1, 2] })["text/html"]);

    [Fact]
    public void NestedValuesArePlainText()
    {
        var html = DisplayBundle.For(new Row("a", new[] { 1, 2 }))["text/html"];
        Assert.Equal("<table><thead><tr><th>Name</th><th>Extra</th></tr></thead><tbody><tr><td>a</td><td>[ 1, 2 ]</td></tr></tbody></table>", html);
    }

    [Fact]
    public void MixedItemsShareTheColumns()
    {
        var html = DisplayBundle.For(new object[] { 1, new Row("a", null) })["text/html"];
        Assert.StartsWith("<table><thead><tr><th><i>index</i></th><th>value</th><th>Name</th><th>Extra</th></tr></thead><tbody><tr><td>0</td><td>1</td><td></td><td></td></tr>", html);
    }

    public sealed record Badge(string Who);
    public sealed record Holder(string Name, Badge Badge);

    [Fact]
    public void ItemsAndMembersWithARegisteredHtmlFormatterShowIt()   // Badge is registered by this test only (registrations are process-wide)
    {
        Microsoft.DotNet.Interactive.Formatting.Formatter.Register<Badge>((b, writer) => writer.Write($"<b>{b.Who}</b>"), "text/html");
        Assert.Equal("<table><thead><tr><th><i>index</i></th><th>value</th></tr></thead><tbody><tr><td>0</td><td><b>x</b></td></tr><tr><td>1</td><td><b>y</b></td></tr></tbody></table>",
                     DisplayBundle.For(new List<Badge> { new("x"), new("y") })["text/html"]);
        Assert.Equal("<table><thead><tr><th>Name</th><th>Badge</th></tr></thead><tbody><tr><td>a</td><td><b>z</b></td></tr></tbody></table>",
                     DisplayBundle.For(new Holder("a", new("z")))["text/html"]);
    }

    [Fact]
    public void AnObjectWithoutMembersIsPlainTextOnly() => Assert.Equal(["text/plain"], DisplayBundle.For(new object()).Keys);

    [Fact]
    public void ASequenceIsEnumeratedOnceAndNoFurtherThanItShows()
    {
        var pulled = 0;
        IEnumerable<int> Endless() { while (true) yield return ++pulled; }
        var bundle = DisplayBundle.For(Endless());
        Assert.Equal(21, pulled);
        Assert.StartsWith("[ 1, 2, 3,", bundle["text/plain"]);
        Assert.Contains("<i>(more)</i>", bundle["text/html"]);
    }
}
