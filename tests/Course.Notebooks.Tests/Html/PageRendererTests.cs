using System.Text.RegularExpressions;
using Course.Notebooks.Document;
using Course.Notebooks.Html;
using static Course.Notebooks.Tests.Html.BookSamples;

namespace Course.Notebooks.Tests.Html;

public class PageRendererTests
{
    [Fact]
    public void TitleComesFromTheFirstHeading()
    {
        var html = Render(Page("07-autoencoder", "Autoencoders"));

        Assert.Contains("<title>Autoencoders &#183; Deep Learning in C#</title>", html); // WebUtility.HtmlEncode writes Latin-1 as numbers
        Assert.Contains("<h1 id=\"autoencoders\">Autoencoders</h1>", html);
    }

    [Fact]
    public void CodeCellShowsItsExecutionCount()
    {
        var html = Render(Ran("var lr = 0.1;", 3));

        Assert.Contains("<span class=\"prompt\">[3]</span>", html);
    }

    [Fact]
    public void HiddenSourceIsCollapsedBehindShowSetupCode()
    {
        var html = Render(HiddenSetup("#r \"nuget: Course\""), Ran("var shown = 1;", 2));

        Assert.Contains("<details class=\"hidden-source\"><summary>Show setup code</summary>\n<pre class=\"source\"><code class=\"language-csharp\">#r &quot;nuget: Course&quot;</code></pre>\n</details>", html);
        Assert.DoesNotContain("<details class=\"hidden-source\"><summary>Show setup code</summary>\n<pre class=\"source\"><code class=\"language-csharp\">var shown", html);
    }

    [Fact]
    public void FailedRunShowsABannerLinkingTheFailingCell()
    {
        var failing = Ran("throw new Exception(\"boom\");", 2, new ErrorOutput("Exception", "boom", []));
        var page = Page("03-cnn-by-hand", "CNN by hand", failing) with { Error = "Exception in cell 2: boom" };

        var html = Render(page);

        Assert.Contains($"This notebook stopped with an error: Exception in cell 2: boom <a href=\"#cell-{failing.Id}\">", html);
        Assert.Contains($"id=\"cell-{failing.Id}\"", html);
    }

    [Fact]
    public void SuccessfulRunShowsNoBanner() =>
        Assert.DoesNotContain("stopped with an error", Render(Page("00-setup", "Setup", Ran("1", 1))));

    [Fact]
    public void PreviousAndNextLinksFollowStemOrder()
    {
        var pages = new[] { Page("02-b", "Second"), Page("00-a", "First"), Page("05-c", "Third") };

        var first = PageRenderer.Render(pages[1], pages);
        var middle = PageRenderer.Render(pages[0], pages);
        var last = PageRenderer.Render(pages[2], pages);

        Assert.DoesNotContain("rel=\"prev\"", first);
        Assert.Contains("rel=\"next\" href=\"02-b.html\"", first);
        Assert.Contains("rel=\"prev\" href=\"00-a.html\"", middle);
        Assert.Contains("rel=\"next\" href=\"05-c.html\"", middle);
        Assert.Contains("rel=\"prev\" href=\"02-b.html\"", last);
        Assert.DoesNotContain("rel=\"next\"", last);
    }

    [Fact]
    public void EveryPageLinksBackToTheIndexAndMarksItselfInTheSidebar()
    {
        var pages = new[] { Page("00-a", "First"), Page("01-b", "Second") };

        var html = PageRenderer.Render(pages[1], pages);

        Assert.Contains("href=\"index.html\"", html);
        Assert.Contains("<a href=\"00-a.html\"><span class=\"number\">00</span> <span class=\"title\">First</span></a>", html);
        Assert.Contains("<a href=\"01-b.html\" aria-current=\"page\">", html);
    }

    [Fact]
    public void OnlyPagesWithAChartLoadPlotly()
    {
        Assert.Contains("<script src=\"assets/plotly.min.js\"></script>", Render(Ran("chart", 1, Chart())));
        Assert.DoesNotContain("plotly.min.js", Render(Ran("1 + 1", 1, Display((MimeTypes.PlainText, "2")))));
    }

    [Fact]
    public void CodeIsMarkedAsCSharpForTheVendoredHighlighter()
    {
        var html = Render(Ran("var net = new Mlp(); // a network", 1), NotebookCell.Markdown("```csharp\nvar x = 1;\n```"));

        Assert.Contains("<pre class=\"source\"><code class=\"language-csharp\">var net = new Mlp(); // a network</code></pre>", html);
        Assert.Contains("<pre><code class=\"language-csharp\">var x = 1;\n</code></pre>", html);
        Assert.Contains("<link rel=\"stylesheet\" href=\"assets/highlight/github.min.css\">", html);
        Assert.Contains("<script defer src=\"assets/highlight/highlight.min.js\"></script>\n<script defer src=\"assets/book.js\"></script>", html);
    }

    [Fact]
    public void OnlyPagesWithMathLoadKatex()
    {
        var withMath = Render(NotebookCell.Markdown("The loss $L$."));
        var without = Render(NotebookCell.Markdown("No formulas here, only $5."));

        Assert.Contains("<link rel=\"stylesheet\" href=\"assets/katex/katex.min.css\">", withMath);
        Assert.Contains("<script defer src=\"assets/katex/katex.min.js\"></script>", withMath);
        Assert.DoesNotContain("katex", without);
        Assert.DoesNotContain("book.js", without);
    }

    [Fact]
    public void SidebarNamesTheLectureOfEachGroupOfChapters()
    {
        var pages = new[] { Page("02-convolution-arithmetic", "Arithmetic"), Page("03-cnn-by-hand", "By hand"), Page("05-rnn-lstm", "RNN") };

        var html = PageRenderer.Render(pages[1], pages);

        Assert.Single(Regex.Matches(html, "<li class=\"lecture-caption\">Convolutional neural networks</li>"));
        Assert.True(html.IndexOf("lecture-caption\">Convolutional", StringComparison.Ordinal) < html.IndexOf("href=\"02-convolution-arithmetic.html\"", StringComparison.Ordinal));
        Assert.True(html.IndexOf("href=\"03-cnn-by-hand.html\"", StringComparison.Ordinal) < html.IndexOf("lecture-caption\">Recurrent", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("07-autoencoder", "07 · Autoencoders", "07", "Autoencoders")]
    [InlineData("04b-modern-cnn", "04b · Modern CNN blocks", "04b", "Modern CNN blocks")]   // a chapter between 04 and 05
    public void ChapterNumberIsShownOnceWhenTheTitleRepeatsIt(string stem, string title, string number, string rest)
    {
        var html = Render(Page(stem, title));

        Assert.Contains($"<span class=\"number\">{number}</span> <span class=\"title\">{rest}</span>", html);
    }

    [Fact]
    public void ExerciseAndGradeCellsCarryBadgesWithPoints()
    {
        var exercise = Ran("// BEGIN SOLUTION", 1);
        exercise.AddTag("exercise");
        var grade = Ran("Check()", 2);
        grade.AddTag("grade");
        grade.Metadata["course"] = new System.Text.Json.Nodes.JsonObject { ["points"] = 2 };

        var html = Render(exercise, grade);

        Assert.Contains("<span class=\"badge exercise\">exercise</span>", html);
        Assert.Contains("<span class=\"badge grade\">check · 2 pt</span>", html);
    }
}
