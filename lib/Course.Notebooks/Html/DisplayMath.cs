using System.Text;
using System.Text.RegularExpressions;

namespace Course.Notebooks.Html;

/// <summary>Puts every multi-line <c>$$…$$</c> of a Markdown text on lines of its own, so Markdig reads it as one math block.</summary>
/// <remarks>
/// Markdig's math extension treats <c>$$</c> as a fence only when it stands alone on its line. Written as Jupyter
/// and VS Code accept it — <c>$$\mathcal{L} = … \\</c> on one line and <c>= … $$</c> on the next — the
/// text after the opening <c>$$</c> became an info string (<c>{L}</c> turned into an HTML attribute), and a line
/// starting with <c>-</c>, <c>+</c> or <c>=</c> became a list or a heading. Rewriting such a span as
/// <c>$$⏎body⏎$$</c> keeps its body verbatim for KaTeX. Fenced code and inline code are left alone.
/// </remarks>
internal static partial class DisplayMath
{
    /// <summary>The Markdown with each multi-line <c>$$…$$</c> moved onto lines of its own; other text unchanged.</summary>
    public static string Normalize(string markdown)
    {
        if (!markdown.Contains("$$", StringComparison.Ordinal)) return markdown;
        return Token().Replace(markdown, match =>
        {
            var body = match.Groups["body"];
            if (!body.Success || !body.Value.Contains('\n')) return match.Value;

            // Keep the opening line's indentation (a block inside a list item stays inside it).
            var lineStart = match.Index == 0 ? 0 : markdown.LastIndexOf('\n', match.Index - 1) + 1;
            var before = markdown[lineStart..match.Index];
            var indent = before[..(before.Length - before.TrimStart().Length)];
            var sb = new StringBuilder();
            if (before.Trim().Length > 0) sb.Append("\n\n").Append(indent); // text before it ends its paragraph
            sb.Append("$$\n").Append(indent).Append(body.Value.Trim()).Append('\n').Append(indent).Append("$$\n\n").Append(indent);
            return sb.ToString();
        });
    }

    /// <summary>A fenced code block, an inline code span, or <c>$$…$$</c> (group <c>body</c>), whichever starts first.</summary>
    [GeneratedRegex(@"(?<fence>^[ \t]{0,3}(?<f>`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^[ \t]{0,3}\k<f>[ \t]*$|\z))|(?<code>(?<t>`+)[^`][\s\S]*?(?<!`)\k<t>(?!`))|(?<!\\)\$\$(?<body>[\s\S]+?)\$\$", RegexOptions.Multiline)]
    private static partial Regex Token();
}
