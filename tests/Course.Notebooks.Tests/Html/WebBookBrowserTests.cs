using System.Buffers.Binary;
using System.Text.Json.Nodes;
using Course.Notebooks.Document;
using Course.Notebooks.Running;
using Course.Notebooks.Tests.Support;
using PuppeteerSharp;

namespace Course.Notebooks.Tests.Html;

/// <summary>The web book in a real browser (Debian's headless Chromium, through PuppeteerSharp): charts drawn, math typeset, code highlighted, no errors, nothing from the network.</summary>
/// <remarks>
/// The book is made the way a reader gets it: <c>course run</c>'s runner executes <c>01-mle-to-loss</c> (shortened) and a small
/// notebook with an image grid, a chart, multi-line math and a failing cell. Screenshots are kept in
/// <c>tests/Course.Notebooks.Tests/TestResults/web-book/</c>.
/// </remarks>
[Collection(nameof(ProcessWide))]   // runs a notebook that seeds torch's global generator: not while the course notebooks run
public sealed class WebBookBrowserTests(WebBookBrowserTests.Book book) : IClassFixture<WebBookBrowserTests.Book>
{
    /// <summary>A folder with the executed book, and a browser tab; made once for the tests of this class.</summary>
    /// <remarks>Without Chromium it makes nothing: each test first requires it, so it fails (on CI) or skips, naming the package.</remarks>
    public sealed class Book : IAsyncLifetime
    {
        private readonly TempFolder folder = new();
        private IBrowser? browser;

        /// <summary>The book's folder (the runner's <c>--out</c>).</summary>
        public string OutDir => folder.File("book");

        /// <summary>The browser's tab, 1280×2000.</summary>
        public IPage Page { get; private set; } = null!;

        /// <summary>What the tab reported and requested since the last <see cref="OpenAsync"/>.</summary>
        public PageLog Log { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            if (!DebianTool.Chromium.IsPresent) return;
            var lecture = Path.Combine(Support.Notebooks.RepoRoot, "notebooks", "01-mle-to-loss.ipynb");
            await new CourseRunner(new RunOptions(OutDir, new Dictionary<string, string> { ["numSamples"] = "200", ["gridSize"] = "11" })).RunAsync([lecture]);
            await new CourseRunner(new RunOptions(OutDir)).RunAsync([Support.Notebooks.Write(folder, "90-browser-check", SampleNotebook())]);
            browser = await Chromium.LaunchAsync(1280, 2000);
            Page = await browser.NewPageAsync();
            Log = new PageLog(Page);
        }

        /// <summary>Open <paramref name="file"/> (a path on disk) and wait for its load event; clears <see cref="Log"/> first.</summary>
        public async Task OpenAsync(string file)
        {
            Log.Clear();
            await Page.GoToAsync(new Uri(Path.GetFullPath(file)).AbsoluteUri, new NavigationOptions { Timeout = 90_000, WaitUntil = [WaitUntilNavigation.Load] });
        }

        /// <summary>Wait until <paramref name="condition"/> (JavaScript) is true or <paramref name="timeout"/> passes; the assertions that follow say what is missing.</summary>
        public async Task WaitForAsync(string condition, TimeSpan timeout)
        {
            try { await Page.WaitForExpressionAsync(condition, new WaitForFunctionOptions { Timeout = (int)timeout.TotalMilliseconds, PollingInterval = 100 }); }
            catch (WaitTaskTimeoutException) { }
        }

        public async Task DisposeAsync()
        {
            if (browser is not null) await browser.DisposeAsync();
            folder.Dispose();
        }
    }

    /// <summary>What a lecture notebook shows besides charts: a digit grid, math over several lines, a failing cell.</summary>
    private static NotebookDocument SampleNotebook() => NotebookDocument.CreateCSharp(
        NotebookCell.Markdown("# 90 · Browser check\n\nInline $\\sigma(x) = 1 / (1 + e^{-x})$ and a derivation over two lines:\n\n" +
                              "$$\\mathcal{L}(\\theta) = -\\sum_i \\log p_i \\\\\n= \\frac{1}{2}\\sum_i (y_i - \\mu_i)^2 + c$$\n\n" +
                              "## Pictures\n\nIn a sentence $$p(y \\mid x) = \\prod_i p(y_i \\mid x_i)$$ is displayed too."),
        NotebookCell.Code("#r \"nuget: Course\"\nusing Course.Plots;\nusing static TorchSharp.torch;"),
        NotebookCell.Code("display(Curves.Line(new double[] { 0, 1, 2, 3 }, new double[] { 1, 0.5, 0.3, 0.2 }, name: \"loss\", title: \"A loss curve\"));"),
        NotebookCell.Code("manual_seed(0);\nnew ImageGrid(rand(16, 1, 28, 28), columns: 8)"),
        NotebookCell.Markdown("## Errors\n\nThe next cell fails on purpose."),
        NotebookCell.Code("throw new InvalidOperationException(\"shape (B, 784) expected, got <b>(B, 28, 28)</b>\");"));

    /// <summary>Counts read from the page once its charts are drawn and its fonts loaded.</summary>
    private const string Inspect = """
        (async () => {
          await document.fonts.ready;
          const charts = [...document.querySelectorAll('.course-plotly, .plotly-chart')];
          const math = [...document.querySelectorAll('.math')];
          const code = [...document.querySelectorAll('pre code.language-csharp')];
          return {
            charts: charts.length,
            drawnCharts: charts.filter(c => c.querySelector('.main-svg')).length,
            math: math.length,
            typeset: math.filter(m => m.querySelector('.katex')).length,
            displayed: document.querySelectorAll('.katex-display').length,
            katexErrors: document.querySelectorAll('.katex-error').length,
            katexFonts: [...document.fonts].filter(f => f.family.startsWith('KaTeX') && f.status === 'loaded').length,
            failedFonts: [...document.fonts].filter(f => f.status === 'error').map(f => f.family).join(', '),
            code: code.length,
            highlighted: code.filter(c => c.classList.contains('hljs')).length,
            keywords: document.querySelectorAll('pre code .hljs-keyword').length,
            images: [...document.querySelectorAll('.output img')].filter(i => i.complete && i.naturalWidth > 0).length,
            errorOutputs: document.querySelectorAll('.output.error').length,
            banner: document.querySelectorAll('.banner.error').length,
            sectionLinks: document.querySelectorAll('.sections a').length,
            bold: document.querySelectorAll('.output.error b').length,
          };
        })()
        """;

    private static readonly string ArtifactsFolder = Path.Combine(Support.Notebooks.RepoRoot, "tests", "Course.Notebooks.Tests", "TestResults", "web-book");

    private async Task<JsonObject> OpenAsync(string fileName)
    {
        var path = Path.Combine(book.OutDir, fileName);
        Assert.True(File.Exists(path), $"the runner did not write {fileName}");
        await book.OpenAsync(path);
        await book.WaitForAsync("document.readyState === 'complete' && [...document.querySelectorAll('.course-plotly, .plotly-chart')].every(c => c.querySelector('.main-svg'))",
            TimeSpan.FromSeconds(30));
        var counts = await book.Page.EvaluateExpressionAsync<JsonObject>(Inspect);
        Assert.True(book.Log.Problems.Count == 0, $"{fileName} reported errors:\n{string.Join('\n', book.Log.Problems)}");
        Assert.Contains(book.Log.Requests, u => u.EndsWith("/assets/book.css", StringComparison.Ordinal));   // requests are recorded
        var remote = book.Log.Requests.Where(u => !(u.StartsWith("file://", StringComparison.Ordinal) || u.StartsWith("data:", StringComparison.Ordinal) || u == "about:blank")).ToList();
        Assert.True(remote.Count == 0, $"{fileName} requested from outside the book: {string.Join(", ", remote)}");
        Assert.Equal("", counts["failedFonts"]!.GetValue<string>());
        return counts;
    }

    private async Task KeepScreenshotAsync(string name)
    {
        var png = await book.Page.ScreenshotDataAsync(new ScreenshotOptions { Type = ScreenshotType.Png });
        Directory.CreateDirectory(ArtifactsFolder);
        var path = Path.Combine(ArtifactsFolder, name);
        await File.WriteAllBytesAsync(path, png);

        Assert.True(File.Exists(path));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal(1280, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4))); // IHDR width
        Assert.Equal(2000, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4))); // IHDR height
        Assert.True(png.Length > 40_000, $"{name} is only {png.Length} bytes: the page looks blank");
    }

    private static int Count(JsonObject counts, string name) => counts[name]!.GetValue<int>();

    [SkippableFact]
    public async Task LecturePageDrawsChartsTypesetsMathAndHighlightsCode()
    {
        DebianTool.Chromium.Require();
        var counts = await OpenAsync("01-mle-to-loss.html");

        Assert.True(Count(counts, "charts") >= 2, counts.ToJsonString());
        Assert.Equal(Count(counts, "charts"), Count(counts, "drawnCharts"));
        Assert.True(Count(counts, "math") >= 20, counts.ToJsonString());
        Assert.Equal(Count(counts, "math"), Count(counts, "typeset"));
        Assert.Equal(0, Count(counts, "katexErrors"));
        Assert.True(Count(counts, "displayed") >= 3, counts.ToJsonString());
        Assert.True(Count(counts, "katexFonts") >= 2, counts.ToJsonString());
        Assert.True(Count(counts, "code") >= 10, counts.ToJsonString());
        Assert.Equal(Count(counts, "code"), Count(counts, "highlighted"));
        Assert.True(Count(counts, "keywords") >= 10, counts.ToJsonString());
        Assert.Equal(0, Count(counts, "banner"));
        await KeepScreenshotAsync("01-mle-to-loss.png");
    }

    [SkippableFact]
    public async Task ImagesErrorsAndMultiLineMathShowAsTheyShould()
    {
        DebianTool.Chromium.Require();
        var counts = await OpenAsync("90-browser-check.html");

        Assert.Equal(1, Count(counts, "images"));
        Assert.Equal(1, Count(counts, "drawnCharts"));
        Assert.Equal(1, Count(counts, "errorOutputs"));
        Assert.Equal(1, Count(counts, "banner"));
        Assert.Equal(0, Count(counts, "bold")); // the exception's text is shown, not interpreted
        Assert.Equal(3, Count(counts, "math"));
        Assert.Equal(3, Count(counts, "typeset"));
        Assert.Equal(2, Count(counts, "displayed"));
        Assert.Equal(0, Count(counts, "katexErrors"));
        var derivation = await book.Page.EvaluateExpressionAsync<string>("document.querySelector('div.math annotation').textContent");
        Assert.Contains("\\\\\n= \\frac{1}{2}", derivation);
        await KeepScreenshotAsync("90-browser-check.png");
    }

    [SkippableFact]
    public async Task TheBrowserCheckSeesMissingFilesScriptErrorsConsoleErrorsAndRequests()
    {
        DebianTool.Chromium.Require();
        var page = Path.Combine(book.OutDir, "broken.html");
        await File.WriteAllTextAsync(page, """
            <!DOCTYPE html><html><head><script src="assets/missing.js"></script></head>
            <body><p>broken</p><img src="http://127.0.0.1:9/remote.png"><script>console.warn("only a warning"); console.error("drawn badly"); notDefined();</script></body></html>
            """);
        try
        {
            await book.OpenAsync(page);
            await book.WaitForAsync("document.readyState === 'complete'", TimeSpan.FromSeconds(10));
            var problems = book.Log.Problems;
            Assert.Contains(problems, p => p.Contains("missing.js", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.Contains("drawn badly", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.Contains("notDefined", StringComparison.Ordinal));
            Assert.DoesNotContain(problems, p => p.Contains("only a warning", StringComparison.Ordinal));
            Assert.Contains("http://127.0.0.1:9/remote.png", book.Log.Requests);   // the discard port: nothing leaves the machine
        }
        finally
        {
            File.Delete(page);
        }
    }

    [SkippableFact]
    public async Task IndexListsTheNotebooksWithTheirSectionsAndLoadsNothingElse()
    {
        DebianTool.Chromium.Require();
        var counts = await OpenAsync("index.html");

        var hrefs = await book.Page.EvaluateExpressionAsync<string>("[...document.querySelectorAll('.entry-head a')].map(a => a.getAttribute('href')).join(' ')");
        Assert.Equal("01-mle-to-loss.html 90-browser-check.html", hrefs);
        Assert.True(Count(counts, "sectionLinks") >= 8, counts.ToJsonString());
        Assert.Equal(Count(counts, "math"), Count(counts, "typeset"));
        await KeepScreenshotAsync("index.png");
    }
}
