using System.Text.RegularExpressions;
using Course.Interactive;
using Course.Notebooks.Document;
using Course.Notebooks.Html;
using Course.Notebooks.Tests.Support;
using static Course.Notebooks.Tests.Html.BookSamples;

namespace Course.Notebooks.Tests.Html;

public class BookWriterTests
{
    private static readonly Regex NetworkReference = new(
        """<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import\s+["'](?:https?:)?//""",
        RegexOptions.IgnoreCase);

    private static IReadOnlyList<BookPage> ChartPages() =>
    [
        Page("00-setup", "Setup", Ran("chart", 1, Chart())),
        Page("01-mle-to-loss", "From MLE to loss", Ran("chart", 1, Display((MimeTypes.Html,
            "<script src=\"https://cdn.plot.ly/plotly-2.28.0.min.js\"></script>" + ChartHtml)))),
        Page("02-convolution-arithmetic", "Convolution arithmetic", Ran("x", 1, Display((MimeTypes.PlainText, "no chart")))),
    ];

    [Fact]
    public void PlotlyJsIsWrittenOnceAndReferencedRelatively()
    {
        using var folder = new TempFolder();
        var pages = ChartPages();

        BookWriter.WritePage(folder.Path, pages[0], pages);
        var plotly = Path.Combine(folder.Path, "assets", "plotly.min.js");
        var marked = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(plotly, marked);
        foreach (var page in pages.Skip(1)) BookWriter.WritePage(folder.Path, page, pages);
        BookWriter.WriteIndex(folder.Path, pages, new Dictionary<string, IReadOnlyDictionary<string, double>>());

        Assert.Equal(marked, File.GetLastWriteTimeUtc(plotly));
        Assert.Equal(PlotlyJs.Script, File.ReadAllText(plotly));
        Assert.Single(Directory.GetFiles(folder.Path, "*.js", SearchOption.AllDirectories));
        foreach (var page in pages.Take(2))
        {
            var html = File.ReadAllText(Path.Combine(folder.Path, page.FileName));
            Assert.Contains("<script src=\"assets/plotly.min.js\"></script>", html);
            Assert.True(html.Length < 100_000, $"{page.FileName} is {html.Length} characters: plotly.js must not be inlined");
        }
    }

    [Fact]
    public void NoWrittenFileLoadsAnythingFromTheNetwork()
    {
        using var folder = new TempFolder();
        var pages = ChartPages();

        foreach (var page in pages) BookWriter.WritePage(folder.Path, page, pages);
        BookWriter.WriteIndex(folder.Path, pages, new Dictionary<string, IReadOnlyDictionary<string, double>>());

        var files = Directory.GetFiles(folder.Path, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".html") || f.EndsWith(".css")).ToList();
        Assert.Equal(5, files.Count); // three pages, the index, the stylesheet
        foreach (var file in files)
            Assert.False(NetworkReference.IsMatch(File.ReadAllText(file)), $"{Path.GetFileName(file)} references the network: {NetworkReference.Match(File.ReadAllText(file)).Value}");
    }

    [Fact]
    public void StylesheetComesFromTheEmbeddedAsset()
    {
        using var folder = new TempFolder();

        BookWriter.WriteAssets(folder.Path);

        using var resource = typeof(BookWriter).Assembly.GetManifestResourceStream("Course.Notebooks.Html.Assets.book.css");
        Assert.NotNull(resource);
        Assert.Equal(new StreamReader(resource).ReadToEnd(), File.ReadAllText(Path.Combine(folder.Path, "assets", "book.css")));
        Assert.True(File.Exists(Path.Combine(folder.Path, "assets", "plotly.min.js.LICENSE.txt")));
    }

    [Fact]
    public void WritingLeavesNoTemporaryFilesBehind()
    {
        using var folder = new TempFolder();
        var pages = ChartPages();

        BookWriter.WritePage(folder.Path, pages[0], pages);
        BookWriter.WritePage(folder.Path, pages[0], pages);

        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp-*", SearchOption.AllDirectories));
        Assert.True(File.Exists(Path.Combine(folder.Path, "00-setup.html")));
    }
}
