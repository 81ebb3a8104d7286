using Microsoft.DotNet.Interactive.Formatting;
using static Microsoft.DotNet.Interactive.Formatting.PocketViewTags;

namespace Course.Notebooks.Tests.Formatting;

public class PocketViewTests
{
    [Fact]
    public void TagsNestAndEncodeTheirText() =>
        Assert.Equal("<div><b>1 &lt; 2</b> &amp; <i>x</i></div>", div(b("1 < 2"), " & ", i("x")).ToString());

    [Fact]
    public void NamedIndexesAreAttributesWithUnderscoresAsHyphens() =>
        Assert.Equal("<td class=\"n\" data-row=\"3\" hidden>x</td>", td[@class: "n", data_row: 3, hidden: true, title: null]("x").ToString());

    [Fact]
    public void AnAttributeValueCannotBreakOutOfItsQuotes() =>
        Assert.Equal("<a href=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">link</a>", a[href: "\"><script>alert(1)</script>"]("link").ToString());

    [Fact]
    public void TextThatLooksLikeATagStaysText() =>
        Assert.Equal("<span>&lt;script&gt;alert(1)&lt;/script&gt;</span>", span("<script>alert(1)</script>").ToString());

    [Fact]
    public void HtmlContentAndSequencesAreWrittenAsGiven() =>
        Assert.Equal("<ul><li>1</li><li>2</li></ul>", ul(new[] { 1, 2 }.Select(n => li(n))).ToString());

    [Fact]
    public void VoidElementsHaveNoClosingTag() => Assert.Equal("<img src=\"a.png\" />", img[src: "a.png"]().ToString());

    [Fact]
    public void ATagIsReusable()
    {
        var red = span[style: "color:red"];
        Assert.Equal("<span style=\"color:red\">a</span>", red("a").ToString());
        Assert.Equal("<span style=\"color:red\">b</span>", red("b").ToString());
    }

    [Theory]
    [InlineData("on load")]
    [InlineData("x\"y")]
    public void ABadAttributeNameIsRefusedInOneLine(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => new PocketView("p").WithAttribute(name, "v"));
        Assert.Contains("is not an HTML attribute name", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void ABadTagNameIsRefused() => Assert.Throws<ArgumentException>(() => Tag("script><b"));

    [Fact]
    public void AnUnnamedIndexIsRefusedWithTheFix()
    {
        var e = Assert.Throws<ArgumentException>(() => (object)span["color:red"]);
        Assert.Contains("span[style: \"color:red\"]", e.Message);
    }
}
