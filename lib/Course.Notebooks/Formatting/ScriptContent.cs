namespace Course.Notebooks.Formatting;

/// <summary>JavaScript for the front end to run, shown as a <c>text/html</c> script element as .NET Interactive does (<c>Javascript(…)</c>, <c>#!javascript</c>).</summary>
/// <remarks>The code's own <c>&lt;/script</c> is written <c>&lt;\/script</c> so it cannot end the element early.</remarks>
public sealed class ScriptContent(string code) : IDisplayContent
{
    /// <summary>The JavaScript source.</summary>
    public override string ToString() => code;

    IReadOnlyDictionary<string, string> IDisplayContent.Bundle() => new Dictionary<string, string>
    {
        [Course.Interactive.MimeBundle.Html] = $"<script type=\"text/javascript\">\n{System.Text.RegularExpressions.Regex.Replace(code, "</(script)", "<\\/$1", System.Text.RegularExpressions.RegexOptions.IgnoreCase)}\n</script>",
    };
}
