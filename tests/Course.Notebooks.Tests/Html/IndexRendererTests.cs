using System.Text.RegularExpressions;
using Course.Notebooks.Document;
using Course.Notebooks.Html;
using Course.Notebooks.Tests.Support;
using static Course.Notebooks.Tests.Html.BookSamples;

namespace Course.Notebooks.Tests.Html;

public class IndexRendererTests
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> noMetrics =
        new Dictionary<string, IReadOnlyDictionary<string, double>>();

    [Fact]
    public void IndexListsPagesInStemOrderWithTitlesAndSummaries()
    {
        var html = IndexRenderer.Render([Page("10-vae", "VAE"), Page("00-setup", "Setup"), Page("07-autoencoder", "Autoencoders")], noMetrics);

        Assert.Contains("<h1>Deep Learning in C#</h1>", html);
        var positions = new[] { "00-setup.html", "07-autoencoder.html", "10-vae.html" }.Select(href => html.IndexOf($"href=\"{href}\"", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("<p class=\"summary\">What Autoencoders teaches.</p>", html);
    }

    [Fact]
    public void FailedNotebookIsMarkedWithItsError()
    {
        var failed = Page("04-cnn-mnist", "CNN on MNIST") with { Error = "OutOfMemoryException in cell 5: <too big>" };

        var html = IndexRenderer.Render([Page("03-cnn-by-hand", "CNN by hand"), failed], noMetrics);

        Assert.Contains("<span class=\"status ok\">ok</span>", html);
        Assert.Contains("<li class=\"entry failed\">", html);
        Assert.Contains("<span class=\"status failed\">failed</span>", html);
        Assert.Contains("OutOfMemoryException in cell 5: &lt;too big&gt;", html);
        Assert.Contains("1 failed", html);
    }

    [Fact]
    public void EachNotebookShowsItsElapsedTimeAndMetrics()
    {
        var page = Page("01-mle-to-loss", "From MLE to loss") with { Elapsed = TimeSpan.FromSeconds(125) };
        var metrics = new Dictionary<string, IReadOnlyDictionary<string, double>>
        {
            ["01-mle-to-loss"] = new Dictionary<string, double> { ["mle_gaussian_mse_gap"] = 0.000012345, ["bce_check"] = 1 },
        };

        var html = IndexRenderer.Render([page], metrics);

        Assert.Contains("<span class=\"elapsed\">2 min 05 s</span>", html);
        Assert.Contains("<tr><td><code>bce_check</code></td><td>1</td></tr>", html);
        Assert.Contains("<tr><td><code>mle_gaussian_mse_gap</code></td><td>1.234E-05</td></tr>", html);
    }

    [Fact]
    public void JudgedTargetsAreListedAndAMissedOneIsRed()
    {
        var targets = new Dictionary<string, IReadOnlyList<Course.Notebooks.Targets.TargetJudgement>>
        {
            ["07-autoencoder"] =
            [
                new("ae_test_mse", "<= 0.045 and < pca_test_mse", 0.0612, false, "ae_test_mse = 0.0612 > 0.045 and >= pca_test_mse = 0.0552"),
                new("pca_test_mse", "< 0.1", 0.0552, true, "pca_test_mse = 0.0552 < 0.1"),
            ],
        };

        var html = IndexRenderer.Render([Page("07-autoencoder", "Autoencoders")], noMetrics, targets);

        Assert.Contains("<tr class=\"failed\"><td><code>ae_test_mse &lt;= 0.045 and &lt; pca_test_mse</code></td><td>0.0612</td>", html);
        Assert.Contains(">missed</td>", html);
        Assert.Contains("<tr class=\"ok\"><td><code>pca_test_mse &lt; 0.1</code></td><td>0.0552</td>", html);
        Assert.Contains("<span class=\"failed\">1/2 targets met</span>", html);
    }

    [Fact]
    public void OutlineGroupsNotebooksUnderTheirLecturesAndListsEverySection()
    {
        BookPage Sectioned(string stem, string title, params string[] sections) =>
            Page(stem, title, [.. sections.Select(s => NotebookCell.Markdown($"## {s}\n\ntext\n\n### A detail"))]);
        var pages = new[]
        {
            Sectioned("03-cnn-by-hand", "CNN by hand", "The convolutional operation", "ReLU"),
            Sectioned("00-setup", "Setup", "Parameters"),
            Sectioned("02-convolution-arithmetic", "Convolution arithmetic", "Output size", "Exercise"),
            Sectioned("07-autoencoder", "Autoencoders", "Exercise", "Exercise"),
        };

        var html = IndexRenderer.Render(pages, noMetrics);

        var order = new[]
        {
            "<h2 class=\"lecture-title\">Getting started</h2>", "href=\"00-setup.html\"", "href=\"00-setup.html#parameters\"",
            "<h2 class=\"lecture-title\">Convolutional neural networks</h2>",
            "href=\"02-convolution-arithmetic.html\"", "href=\"02-convolution-arithmetic.html#output-size\"", "href=\"02-convolution-arithmetic.html#exercise\"",
            "href=\"03-cnn-by-hand.html\"", "href=\"03-cnn-by-hand.html#the-convolutional-operation\"", "href=\"03-cnn-by-hand.html#relu\"",
            "<h2 class=\"lecture-title\">Autoencoders</h2>", "href=\"07-autoencoder.html#exercise\"", "href=\"07-autoencoder.html#exercise-1\"",
        };
        var positions = order.Select(s => html.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.All(positions.Zip(order), p => Assert.True(p.First >= 0, $"the index lacks {p.Second}"));
        Assert.Equal(positions.Order(), positions);
        Assert.Single(Regex.Matches(html, "lecture-title\">Convolutional neural networks<"));
        Assert.DoesNotContain("#a-detail", html); // sections are the ## headings
    }

    [Fact]
    public void SectionLinksOfTheIndexLandOnAnchorsOfThePage()
    {
        var page = Page("01-mle-to-loss", "From MLE to loss",
            NotebookCell.Markdown("## Exercise\n\nfirst"), NotebookCell.Markdown("## The i.i.d. condition: $p = \\prod_i p_i$"), NotebookCell.Markdown("## Exercise"));

        var index = IndexRenderer.Render([page], noMetrics);
        var html = PageRenderer.Render(page, [page]);

        var anchors = Regex.Matches(index, "href=\"01-mle-to-loss\\.html#([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(3, anchors.Count);
        Assert.All(anchors, id => Assert.Contains($"<h2 id=\"{id}\">", html));
        Assert.Contains("<span class=\"math\">\\(p = \\prod_i p_i\\)</span>", index);
        Assert.Contains("<script defer src=\"assets/katex/katex.min.js\"></script>", index);
    }

    [Fact]
    public void ALectureNamedInTheNotebooksMetadataWins()
    {
        var page = Page("12-extra", "Extra");
        page.Notebook.Metadata["course"] = new System.Text.Json.Nodes.JsonObject { ["lecture"] = "Lecture 12: Transformers" };

        Assert.Contains("<h2 class=\"lecture-title\">Lecture 12: Transformers</h2>", IndexRenderer.Render([page, Page("99-misc", "Misc")], noMetrics));
        Assert.Equal("More notebooks", CourseOutline.Lecture(Page("99-misc", "Misc")));
    }

    [Fact]
    public void WriteIndexWritesIndexHtmlBesideTheAssets()
    {
        using var folder = new TempFolder();

        BookWriter.WriteIndex(folder.Path, [Page("00-setup", "Setup")], noMetrics);

        Assert.Contains("href=\"00-setup.html\"", File.ReadAllText(Path.Combine(folder.Path, "index.html")));
        Assert.True(File.Exists(Path.Combine(folder.Path, "assets", "book.css")));
    }
}
