namespace Course.Notebooks.Formatting;

/// <summary>HTML shown as is: what <c>HTML("&lt;b&gt;…&lt;/b&gt;")</c> returns (.NET Interactive's <c>IHtmlContent</c>).</summary>
public sealed class HtmlContent(string html) : IDisplayContent
{
    /// <summary>The HTML.</summary>
    public override string ToString() => html;

    IReadOnlyDictionary<string, string> IDisplayContent.Bundle() => DisplayBundle.Html(html);
}
