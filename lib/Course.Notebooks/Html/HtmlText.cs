using System.Net;
using System.Text.RegularExpressions;

namespace Course.Notebooks.Html;

/// <summary>Small text helpers for writing HTML: escaping, ANSI stripping, durations.</summary>
internal static partial class HtmlText
{
    /// <summary>Escape text for HTML content or attributes with the framework's encoder (<see cref="WebUtility.HtmlEncode(string)"/>), null as empty.</summary>
    /// <remarks>The course's one HTML encoder: the library (<c>MimeBundle</c>, <c>ImageGrid</c>) and the feedback page call the same method.</remarks>
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>Remove ANSI escape sequences (colours, cursor moves) that tracebacks and progress bars carry.</summary>
    public static string StripAnsi(string text) => Ansi().Replace(text, "");

    /// <summary>Escape text for a <c>&lt;pre&gt;</c> block after dropping ANSI codes and carriage-return overwrites.</summary>
    public static string Terminal(string text)
    {
        var lines = StripAnsi(text).Replace("\r\n", "\n").Split('\n');
        // A progress bar rewrites its line with '\r': keep the last text written on each line.
        return Escape(string.Join('\n', lines.Select(l => l.Contains('\r') ? l.Split('\r').LastOrDefault(s => s.Length > 0) ?? "" : l)));
    }

    /// <summary>A link target for a page: its stem, URL-escaped, plus <c>.html</c>.</summary>
    public static string PageHref(string stem) => Uri.EscapeDataString(stem) + ".html";

    /// <summary>A short human duration: <c>0.8 s</c>, <c>12.3 s</c>, <c>2 min 05 s</c>.</summary>
    public static string Duration(TimeSpan elapsed) =>
        elapsed.TotalSeconds < 60
            ? elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " s"
            : $"{(int)elapsed.TotalMinutes} min {elapsed.Seconds:00} s";

    [GeneratedRegex(@"\x1B(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1B]*(?:\x07|\x1B\\)|[@-Z\\-_])")]
    private static partial Regex Ansi();
}
