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
    public void WriteIndexWritesIndexHtmlBesideTheAssets()
    {
        using var folder = new TempFolder();

        BookWriter.WriteIndex(folder.Path, [Page("00-setup", "Setup")], noMetrics);

        Assert.Contains("href=\"00-setup.html\"", File.ReadAllText(Path.Combine(folder.Path, "index.html")));
        Assert.True(File.Exists(Path.Combine(folder.Path, "assets", "book.css")));
    }
}
