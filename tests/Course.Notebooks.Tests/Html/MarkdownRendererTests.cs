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
