namespace Course.Notebooks.Formatting;

/// <summary>Markdown shown as <c>text/markdown</c>: what <c>Markdown("**…**")</c> returns and a <c>#!markdown</c> cell shows.</summary>
public sealed class MarkdownContent(string markdown) : IDisplayContent
{
    /// <summary>The Markdown source.</summary>
    public override string ToString() => markdown;

    IReadOnlyDictionary<string, string> IDisplayContent.Bundle() =>
        new Dictionary<string, string> { ["text/markdown"] = markdown, [Course.Interactive.MimeBundle.PlainText] = markdown };
}
