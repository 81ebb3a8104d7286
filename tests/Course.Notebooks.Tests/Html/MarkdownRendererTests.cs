using Course.Notebooks.Document;
using Course.Notebooks.Html;
using static Course.Notebooks.Tests.Html.BookSamples;

namespace Course.Notebooks.Tests.Html;

public class MarkdownRendererTests
{
    [Fact]
    public void SectionHeadingsBecomeAnchorsListedInTheTableOfContents()
    {
        var html = Render(NotebookCell.Markdown("## Maximum likelihood\n\ntext\n\n### The Gaussian case\n\n#### Too deep for the sidebar"));

        Assert.Contains("<h2 id=\"maximum-likelihood\">Maximum likelihood</h2>", html);
        Assert.Contains("<h3 id=\"the-gaussian-case\">The Gaussian case</h3>", html);
        Assert.Contains("<li class=\"toc-h2\"><a href=\"#maximum-likelihood\">Maximum likelihood</a></li>", html);
        Assert.Contains("<li class=\"toc-h3\"><a href=\"#the-gaussian-case\">The Gaussian case</a></li>", html);
        Assert.DoesNotContain("href=\"#too-deep-for-the-sidebar\"", html);
    }

    [Fact]
    public void AQuestionnairesAnswerIsFoldedAwayAndStillMarkdown()
    {
        var html = Render(NotebookCell.Markdown("1. How many parameters?\n   <!-- BEGIN ANSWER -->\n   **101,770**: 784 · 128 + 128.\n   <!-- END ANSWER -->\n2. Why?"));

        Assert.Contains("<details class=\"answer\"><summary>Answer</summary>", html);
        Assert.Contains("<strong>101,770</strong>", html);
        Assert.True(html.IndexOf("<strong>101,770</strong>", StringComparison.Ordinal) < html.IndexOf("</details>", StringComparison.Ordinal), html);
        Assert.Contains("Why?", html[html.IndexOf("</details>", StringComparison.Ordinal)..]);
        Assert.DoesNotContain("BEGIN ANSWER", html);
    }

    [Fact]
    public void RepeatedHeadingsInDifferentCellsGetDistinctAnchors()
    {
        var html = Render(NotebookCell.Markdown("## Exercise\n\nfirst"), NotebookCell.Markdown("## Exercise\n\nsecond"));

        Assert.Contains("<h2 id=\"exercise\">", html);
        Assert.Contains("<h2 id=\"exercise-1\">", html);
        Assert.Contains("<a href=\"#exercise-1\">", html);
    }

    [Theory]
    [InlineData(@"The sigmoid $\sigma(x)$ squashes.", @"<span class=""math"">\(\sigma(x)\)</span>")]
    [InlineData(@"Products $a_i * b_i$ and $x_{j}^2$ are not emphasis.", @"<span class=""math"">\(a_i * b_i\)</span>")]
    [InlineData("$$\\sum_i x_i^2$$", "<div class=\"math\">\n\\[\\sum_i x_i^2\\]</div>")]
    [InlineData("$$\n\\sum_i x_i^2\n$$", "<div class=\"math\">\n\\[\n\\sum_i x_i^2\n\\]</div>")]
    public void MathSurvivesVerbatimForKatex(string markdown, string expected) =>
        Assert.Contains(expected, new MarkdownRenderer().Render(markdown));

    [Theory]
    // $$ opening a line with TeX after it: Markdig took "\mathcal{L}…" for a fence's info string.
    [InlineData("$$\\mathcal{L}(\\theta) = -\\sum_i \\log p_i \\\\\n= \\frac{1}{2}\\sum_i (y_i - \\mu_i)^2$$",
        "<div class=\"math\">\n\\[\n\\mathcal{L}(\\theta) = -\\sum_i \\log p_i \\\\\n= \\frac{1}{2}\\sum_i (y_i - \\mu_i)^2\n\\]</div>")]
    // A line starting with "-" inside the math made a list.
    [InlineData("$$a = b\n- c$$", "<div class=\"math\">\n\\[\na = b\n- c\n\\]</div>")]
    // Spaces inside the delimiters, "=" starting a line (a setext heading otherwise).
    [InlineData("$$ a = b \\\\\n = c $$", "<div class=\"math\">\n\\[\na = b \\\\\n = c\n\\]</div>")]
    // Text before and after: the paragraph ends, the math is displayed, the text goes on.
    [InlineData("so\n$$x\n+ y$$ holds.", "<p>so</p>\n<div class=\"math\">\n\\[\nx\n+ y\n\\]</div>\n<p>holds.</p>")]
    // The closing $$ followed by text on its line.
    [InlineData("$$\nx\n$$ and text", "<div class=\"math\">\n\\[\nx\n\\]</div>\n<p>and text</p>")]
    // Environments with & and \\ over several lines, HTML-escaped only.
    [InlineData("$$\n\\begin{cases} 1 & x > 0 \\\\\n0 & \\text{else}\\end{cases}\n$$",
        "<div class=\"math\">\n\\[\n\\begin{cases} 1 &amp; x &gt; 0 \\\\\n0 &amp; \\text{else}\\end{cases}\n\\]</div>")]
    public void MultiLineDisplayMathBecomesOneMathBlock(string markdown, string expected) =>
        Assert.Equal(expected, new MarkdownRenderer().Render(markdown).Trim());

    [Fact]
    public void DisplayMathInsideASentenceIsMarkedForDisplay() =>
        Assert.Contains("<p>We have <span class=\"math display\">\\[x = \\frac{a}{b}\\]</span> and more.</p>", new MarkdownRenderer().Render("We have $$x = \\frac{a}{b}$$ and more."));

    [Fact]
    public void DollarsInCodeAreNotMath()
    {
        var html = new MarkdownRenderer().Render("Use `$$\"raw {x}\"` for raw strings:\n\n```csharp\nvar s = $$\"\"\"\n{{x}}\n\"\"\"$$;\n```\n\nPrices $5 and $6.");

        Assert.DoesNotContain("class=\"math", html);
        Assert.Contains("<code>$$&quot;raw {x}&quot;</code>", html);
        Assert.Contains("var s = $$&quot;&quot;&quot;\n{{x}}\n&quot;&quot;&quot;$$;", html);
        Assert.Contains("Prices $5 and $6.", html);
    }

    [Fact]
    public void DisplayMathInAListItemStaysInTheItem()
    {
        var html = new MarkdownRenderer().Render("- the loss\n\n  $$L = a\n  + b$$\n\n- next");

        Assert.Matches(@"<li>\s*<p>the loss</p>\s*<div class=""math"">\s*\\\[\s*L = a\s*\+ b\s*\\\]</div>\s*</li>", html);
    }

    [Fact]
    public void SummaryIsTheFirstParagraphAfterTheTitle()
    {
        var notebook = NotebookDocument.CreateCSharp(
            NotebookCell.Markdown("Course notes.\n\n# Autoencoders\n\nCompress digits to a **2-D** code."),
            NotebookCell.Markdown("Second paragraph."));

        Assert.Equal("Compress digits to a <strong>2-D</strong> code.", MarkdownRenderer.Summary(notebook));
    }

    [Fact]
    public void AttachedImagesBecomeDataUris()
    {
        var attachments = new System.Text.Json.Nodes.JsonObject
        {
            ["digit.png"] = new System.Text.Json.Nodes.JsonObject { ["image/png"] = RedPixelPng },
        };

        var html = new MarkdownRenderer().Render("![a digit](attachment:digit.png)", attachments);

        Assert.Contains($"src=\"data:image/png;base64,{RedPixelPng}\"", html);
    }
}
