using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Course.Notebooks.Kernel;

/// <summary>A glob as <c>history_request</c>'s <c>search</c> reads it: IPython's (SQLite's <c>GLOB</c>) rules over a whole cell.</summary>
/// <remarks>
/// <c>*</c> is any text (newlines included), <c>?</c> one character, <c>[abc]</c>, <c>[a-z]</c> and <c>[^abc]</c> sets (a <c>]</c> first
/// in a set is literal, a reversed range matches nothing); everything else, an unclosed <c>[</c> included, is literal;
/// case counts. The pattern becomes a non-backtracking regular expression, so no pattern can stall the kernel.
/// </remarks>
internal sealed class GlobPattern
{
    /// <summary>The longest glob accepted, in characters: a search pattern is something typed, and a bigger one only costs time to build.</summary>
    public const int MaxLength = 1000;

    private readonly Regex regex;

    /// <summary>The glob <paramref name="pattern"/>.</summary>
    /// <exception cref="ArgumentException">The pattern is longer than <see cref="MaxLength"/> or too complex to match in linear time.</exception>
    public GlobPattern(string pattern)
    {
        if (pattern.Length > MaxLength)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"the pattern is {pattern.Length:N0} characters, over the {MaxLength:N0}-character limit; shorten it."));
        Pattern = pattern;
        try
        {
            regex = new Regex(ToRegex(pattern), RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            throw new ArgumentException("the pattern is too complex to search with (too many wildcards and sets); shorten it.");
        }
    }

    /// <summary>The glob as given.</summary>
    public string Pattern { get; }

    /// <summary>Whether all of <paramref name="text"/> matches.</summary>
    public bool Matches(string text) => regex.IsMatch(text);

    private static string ToRegex(string glob)
    {
        var regex = new StringBuilder(@"\A");
        for (var i = 0; i < glob.Length; i++)
        {
            switch (glob[i])
            {
                case '*': regex.Append(".*"); break;
                case '?': regex.Append('.'); break;
                case '[' when SetEnd(glob, i) is var end and > 0:
                    regex.Append(Set(glob[(i + 1)..end]));
                    i = end;
                    break;
                default: regex.Append(Literal(glob[i])); break;
            }
        }
        return regex.Append(@"\z").ToString();
    }

    /// <summary>The index of the <c>]</c> closing the set opened at <paramref name="open"/>, or -1.</summary>
    private static int SetEnd(string glob, int open)
    {
        var i = open + 1;
        if (i < glob.Length && glob[i] == '^') i++;
        if (i < glob.Length && glob[i] == ']') i++; // a ] first in the set is one of its characters
        var end = glob.IndexOf(']', i);
        return end;
    }

    /// <summary>The regex class for a set's inside (between the brackets).</summary>
    private static string Set(string inside)
    {
        var negated = inside.StartsWith('^');
        if (negated) inside = inside[1..];
        var members = new StringBuilder();
        for (var i = 0; i < inside.Length; i++)
        {
            if (i + 2 < inside.Length && inside[i + 1] == '-')
            {
                if (inside[i] <= inside[i + 2]) members.Append(Literal(inside[i])).Append('-').Append(Literal(inside[i + 2]));
                i += 2;
            }
            else members.Append(Literal(inside[i]));
        }
        if (members.Length == 0) return negated ? @"[\s\S]" : @"[^\s\S]"; // nothing excluded / nothing included
        return (negated ? "[^" : "[") + members + "]";
    }

    private static string Literal(char c) => $@"\u{(int)c:X4}";
}
