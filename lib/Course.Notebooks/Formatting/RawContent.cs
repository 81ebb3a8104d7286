namespace Course.Notebooks.Formatting;

/// <summary>Text shown as is as one MIME type: <c>"# Title".DisplayAs("text/markdown")</c>.</summary>
internal sealed class RawContent(string mimeType, string content) : IDisplayContent
{
    public IReadOnlyDictionary<string, string> Bundle() =>
        mimeType == Course.Interactive.MimeBundle.PlainText
            ? new Dictionary<string, string> { [mimeType] = content }
            : new Dictionary<string, string> { [mimeType] = content, [Course.Interactive.MimeBundle.PlainText] = content };
}
