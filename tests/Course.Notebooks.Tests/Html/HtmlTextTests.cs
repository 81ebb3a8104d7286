using Course.Notebooks.Html;

namespace Course.Notebooks.Tests.Html;

public class HtmlTextTests
{
    [Theory]
    [InlineData("a < b && c > \"d\"", "a &lt; b &amp;&amp; c &gt; &quot;d&quot;")]
    [InlineData("\u001b[32mok\u001b[0m done", "ok done")]
    [InlineData("epoch 1\repoch 2\n", "epoch 2\n")]
    [InlineData("50%\r100%\r\nnext", "100%\nnext")]
    [InlineData("windows\r\nlines\r\n", "windows\nlines\n")]
    public void TerminalTextShowsWhatTheTerminalWouldShowEscaped(string text, string expected) =>
        Assert.Equal(expected, HtmlText.Terminal(text));

    [Theory]
    [InlineData(0.84, "0.8 s")]
    [InlineData(12.34, "12.3 s")]
    [InlineData(125, "2 min 05 s")]
    public void DurationsReadLikeAStopwatch(double seconds, string expected) =>
        Assert.Equal(expected, HtmlText.Duration(TimeSpan.FromSeconds(seconds)));
}
