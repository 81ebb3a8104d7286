using Course.Notebooks.Document;
using static Course.Notebooks.Tests.Html.BookSamples;

namespace Course.Notebooks.Tests.Html;

public class OutputRendererTests
{
    [Fact]
    public void HtmlInCodeAndInPrintedTextIsEscaped()
    {
        var html = Render(Ran("Console.WriteLine(\"<b>bold</b>\" + (x < 3 && y > 2));", 1, new StreamOutput("stdout", "<i>not italic</i>\n")));

        Assert.Contains("<code class=\"language-csharp\">Console.WriteLine(&quot;&lt;b&gt;bold&lt;/b&gt;&quot; + (x &lt; 3 &amp;&amp; y &gt; 2));</code>", html);
        Assert.Contains("&lt;i&gt;not italic&lt;/i&gt;", html);
        Assert.DoesNotContain("<b>bold</b>", html);
        Assert.DoesNotContain("<i>not italic</i>", html);
    }

    [Fact]
    public void StderrIsMarkedApartFromStdout()
    {
        var html = Render(Ran("Train()", 1, new StreamOutput("stdout", "epoch 1\n"), new StreamOutput("stderr", "warning: slow\n")));

        Assert.Contains("<pre class=\"output stream stdout\">epoch 1\n</pre>", html);
        Assert.Contains("<pre class=\"output stream stderr\">warning: slow\n</pre>", html);
    }

    [Fact]
    public void PngOutputBecomesAnImageDataUri()
    {
        var html = Render(Ran("grid", 2, new ExecuteResultOutput(new Dictionary<string, string>
        {
            [MimeTypes.Png] = RedPixelPng, [MimeTypes.PlainText] = "ImageGrid 1×1",
        }, 2)));

        Assert.Contains($"<img src=\"data:image/png;base64,{RedPixelPng}\"", html);
        Assert.DoesNotContain("ImageGrid 1×1", html);
    }

    [Fact]
    public void HtmlIsPreferredToPngAndPlainText()
    {
        var html = Render(Ran("table", 1, Display((MimeTypes.Html, "<table class=\"t\"></table>"), (MimeTypes.Png, RedPixelPng), (MimeTypes.PlainText, "plain"))));

        Assert.Contains("<table class=\"t\"></table>", html);
        Assert.DoesNotContain(RedPixelPng, html);
        Assert.DoesNotContain(">plain<", html);
    }

    [Fact]
    public void PlainTextIsShownWhenItIsAllThereIs()
    {
        var html = Render(Ran("1 + 1", 4, new ExecuteResultOutput(new Dictionary<string, string> { [MimeTypes.PlainText] = "2 < 3" }, 4)));

        Assert.Contains("<pre class=\"output text\">2 &lt; 3</pre>", html);
    }

    [Fact]
    public void ErrorOutputShowsNameMessageAndTracebackWithoutAnsiCodes()
    {
        var error = new ErrorOutput("ArgumentException", "Expected shape (B, 784) but got (B, 28, 28)",
            ["\u001b[0;31mArgumentException\u001b[0m: Expected shape", "   at Cell 3, line 2"]);

        var html = Render(Ran("net.forward(x)", 3, error));

        Assert.Contains("<div class=\"output error\"", html);
        Assert.Contains("<strong>ArgumentException</strong>: Expected shape (B, 784) but got (B, 28, 28)", html);
        Assert.Contains("ArgumentException: Expected shape\n   at Cell 3, line 2", html);
        Assert.DoesNotContain("\u001b", html, StringComparison.Ordinal); // ordinal: ICU ignores control characters
        Assert.DoesNotContain("[0;31m", html);
    }

    [Fact]
    public void ScriptsThatLoadPlotlyFromACdnAreDropped()
    {
        var cdnChart = "<script src=\"https://cdn.plot.ly/plotly-2.28.0.min.js\" charset=\"utf-8\"></script>\n" + ChartHtml;

        var html = Render(Ran("chart", 1, Display((MimeTypes.Html, cdnChart))));

        Assert.DoesNotContain("cdn.plot.ly", html);
        Assert.Contains("window.Plotly.newPlot('plotly-1'", html);
    }

    [Fact]
    public void PlotlyJsonAloneIsDrawnWithTheLocalPlotly()
    {
        var html = Render(Ran("chart", 1, Display((MimeTypes.PlotlyJson, """{"data":[{"y":[1,2]}],"layout":{"title":"</script>"}}"""))));

        Assert.Contains("<script src=\"assets/plotly.min.js\"></script>", html);
        Assert.Contains("Plotly.newPlot(", html);
        Assert.Contains("\"title\":\"<\\/script>\"", html);
    }

    [Fact]
    public void MarkdownOutputIsRenderedAndLatexKeptForKatex()
    {
        var html = Render(Ran("show", 1, Display((MimeTypes.PlainText, "md"), ("text/markdown", "**bold** $x_i$")), Display(("text/latex", @"$$\frac{a}{b}$$"))));

        Assert.Contains("<strong>bold</strong> <span class=\"math\">\\(x_i\\)</span>", html);
        Assert.Contains(@"<div class=""output math"">$$\frac{a}{b}$$</div>", html);
    }

    [Fact]
    public void LatexFromAValueCannotCloseItsElement()
    {
        var html = Render(Ran("(LaTeXString)s", 1, Display(("text/latex", "x</div><script>alert(1)</script>"), (MimeTypes.PlainText, "x"))));

        Assert.Contains("<div class=\"output math\">x&lt;/div&gt;&lt;script&gt;alert(1)&lt;/script&gt;</div>", html);
        Assert.DoesNotContain("<script>alert(1)", html);
    }
}
