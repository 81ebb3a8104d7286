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
        Page("00-setup", "Setup", NotebookCell.Markdown("The loss $L = -\\log p$ is\n\n$$\nL = -\\sum_i \\log p_i\n$$"), Ran("chart", 1, Chart())),
        Page("01-mle-to-loss", "From MLE to loss", Ran("chart", 1, Display((MimeTypes.Html,
            "<script src=\"https://cdn.plot.ly/plotly-2.28.0.min.js\"></script>" + ChartHtml)))),
        Page("02-convolution-arithmetic", "Convolution arithmetic", Ran("x", 1, Display((MimeTypes.PlainText, "no chart")))),
    ];

    [Fact]
    public void SharedAssetsAreWrittenOnceAndReferencedRelatively()
    {
        using var folder = new TempFolder();
        var pages = ChartPages();

        BookWriter.WritePage(folder.Path, pages[0], pages);
        var assets = Directory.GetFiles(Path.Combine(folder.Path, "assets"), "*", SearchOption.AllDirectories);
        var marked = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var asset in assets) File.SetLastWriteTimeUtc(asset, marked);
        foreach (var page in pages.Skip(1)) BookWriter.WritePage(folder.Path, page, pages);
        BookWriter.WriteIndex(folder.Path, pages, new Dictionary<string, IReadOnlyDictionary<string, double>>());

        Assert.All(assets, asset => Assert.Equal(marked, File.GetLastWriteTimeUtc(asset)));
        Assert.Equal(assets.Length, Directory.GetFiles(Path.Combine(folder.Path, "assets"), "*", SearchOption.AllDirectories).Length);
        Assert.Equal(PlotlyJs.Script, File.ReadAllText(Path.Combine(folder.Path, "assets", "plotly.min.js")));
        // Scripts live only under assets/, one copy each; no page carries its own.
        Assert.Equal(["assets/book.js", "assets/highlight/highlight.min.js", "assets/katex/katex.min.js", "assets/plotly.min.js"],
            Directory.GetFiles(folder.Path, "*.js", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder.Path, f).Replace('\\', '/')).Order(StringComparer.Ordinal));
        foreach (var page in pages.Take(2))
        {
            var html = File.ReadAllText(Path.Combine(folder.Path, page.FileName));
            Assert.Contains("<script src=\"assets/plotly.min.js\"></script>", html);
            Assert.Contains("<script defer src=\"assets/highlight/highlight.min.js\"></script>", html);
            Assert.True(html.Length < 100_000, $"{page.FileName} is {html.Length} characters: the libraries must not be inlined");
        }
    }

    [Fact]
    public void KatexAndHighlightJsAreVendoredWithTheirLicenses()
    {
        using var folder = new TempFolder();

        BookWriter.WriteAssets(folder.Path);

        var assets = Path.Combine(folder.Path, "assets");
        foreach (var file in new[] { "katex/katex.min.js", "katex/katex.min.css", "katex/LICENSE", "highlight/highlight.min.js", "highlight/github.min.css", "highlight/LICENSE", "book.js" })
            Assert.True(File.Exists(Path.Combine(assets, file)), $"assets/{file} is missing");
        Assert.StartsWith("The MIT License", File.ReadAllText(Path.Combine(assets, "katex", "LICENSE")));
        Assert.StartsWith("BSD 3-Clause License", File.ReadAllText(Path.Combine(assets, "highlight", "LICENSE")));
        Assert.Contains("grmr_csharp:", File.ReadAllText(Path.Combine(assets, "highlight", "highlight.min.js"))); // the C# grammar is in the build
        Assert.False(File.Exists(Path.Combine(assets, "katex", "README.md")), "the vendoring notes stay in the repository");

        // Every font the KaTeX stylesheet names is there, and it names nothing else.
        var css = File.ReadAllText(Path.Combine(assets, "katex", "katex.min.css"));
        var fonts = Regex.Matches(css, @"url\(([^)]+)\)").Select(m => m.Groups[1].Value.Trim('"', '\'')).Distinct().ToList();
        Assert.Equal(20, fonts.Count);
        Assert.All(fonts, font => Assert.True(File.Exists(Path.Combine(assets, "katex", font)), $"katex.min.css names {font}, which is not in assets/katex/"));
        Assert.Equal(20, Directory.GetFiles(Path.Combine(assets, "katex", "fonts"), "*.woff2").Length);
    }

    [Fact]
    public void NoWrittenFileLoadsAnythingFromTheNetwork()
    {
        using var folder = new TempFolder();
        var pages = ChartPages();

        foreach (var page in pages) BookWriter.WritePage(folder.Path, page, pages);
        BookWriter.WriteIndex(folder.Path, pages, new Dictionary<string, IReadOnlyDictionary<string, double>>());

        var files = Directory.GetFiles(folder.Path, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".html") || f.EndsWith(".css")).ToList();
        Assert.Equal(7, files.Count); // three pages, the index, the stylesheets of the book, KaTeX and highlight.js
        foreach (var file in files)
            Assert.False(NetworkReference.IsMatch(File.ReadAllText(file)), $"{Path.GetFileName(file)} references the network: {NetworkReference.Match(File.ReadAllText(file)).Value}");
    }

    [Fact]
    public void EveryRelativeReferenceOfAPageResolvesToAWrittenFile()
    {
        using var folder = new TempFolder();
        var pages = ChartPages();

        foreach (var page in pages) BookWriter.WritePage(folder.Path, page, pages);
        BookWriter.WriteIndex(folder.Path, pages, new Dictionary<string, IReadOnlyDictionary<string, double>>());

        var html = File.ReadAllText(Path.Combine(folder.Path, "00-setup.html"));
        Assert.Contains("<link rel=\"stylesheet\" href=\"assets/katex/katex.min.css\">", html);
        Assert.Contains("<script defer src=\"assets/katex/katex.min.js\"></script>", html);
        Assert.Contains("<script defer src=\"assets/book.js\"></script>", html);
        foreach (var file in Directory.GetFiles(folder.Path, "*.html"))
            foreach (Match reference in Regex.Matches(File.ReadAllText(file), """(?:src|href)="([^"#:]+)(?:#[^"]*)?"""))
                Assert.True(File.Exists(Path.Combine(folder.Path, Uri.UnescapeDataString(reference.Groups[1].Value))), $"{Path.GetFileName(file)} links {reference.Groups[1].Value}, which was not written");
    }

    [Fact]
    public void StylesheetComesFromTheEmbeddedAsset()
    {
        using var folder = new TempFolder();

        BookWriter.WriteAssets(folder.Path);

        using var resource = typeof(BookWriter).Assembly.GetManifestResourceStream("book-assets/book.css");
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
