using System.Text.RegularExpressions;

namespace Course.Notebooks.Kernel;

/// <summary>IPython's help syntax in a cell: <c>Console.WriteLine?</c> or <c>?Math.Sqrt</c> (one or two question marks) asks for the name's documentation.</summary>
/// <remarks>
/// The kernel answers such a cell with a <c>page</c> payload (the front end's pager) describing the symbol, as
/// <see cref="CodeIntelligence.Inspect"/> does for <c>inspect_request</c>, instead of compiling it; no valid C# cell is
/// a dotted name followed or preceded by question marks alone, so nothing that would run is taken for a question.
/// </remarks>
internal static partial class HelpQuery
{
    /// <summary>The longest cell read as a question; a longer one is code.</summary>
    public const int MaxLength = 500;

    /// <summary>The dotted name asked about, or null when <paramref name="code"/> is not a help query.</summary>
    public static string? Target(string code)
    {
        if (code.Length > MaxLength) return null;
        var match = Query().Match(code);
        if (!match.Success) return null;
        return Regex.Replace(match.Groups["before"].Success ? match.Groups["before"].Value : match.Groups["after"].Value, @"\s+", "");
    }

    [GeneratedRegex(@"\A\s*(?:\?\??\s*(?<after>@?[\p{L}_][\p{L}\p{Nd}_]*(?:\s*\.\s*@?[\p{L}_][\p{L}\p{Nd}_]*)*)|(?<before>@?[\p{L}_][\p{L}\p{Nd}_]*(?:\s*\.\s*@?[\p{L}_][\p{L}\p{Nd}_]*)*)\s*\?\??)\s*\z")]
    private static partial Regex Query();
}
