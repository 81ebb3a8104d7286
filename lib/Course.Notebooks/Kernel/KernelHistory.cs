using System.Globalization;
using System.Text.Json.Nodes;

namespace Course.Notebooks.Kernel;

/// <summary>The cells this kernel ran and their results, answering <c>history_request</c> (tail, range, search) as IPython does.</summary>
/// <remarks>
/// Kept in memory for the kernel's life, which is one history session: its number is <see cref="Session"/>, and session 0
/// (or any number counting back from it) means this one; older sessions are not kept, so asking for one gives nothing.
/// Lines are execution counts. An entry keeps the cell as typed (<c>raw</c>), as it ran (<c>COURSE_PARAMETERS</c>
/// applied) and the <c>text/plain</c> of its result, if any (<c>output</c>). Only the shell worker uses it: no locking.
/// Messaging protocol 5.3, "History".
/// </remarks>
internal sealed class KernelHistory
{
    /// <summary>The number of this kernel's (only) history session.</summary>
    public const int Session = 1;

    /// <summary>How many cells <c>tail</c> returns when the request gives no <c>n</c> (IPython's default).</summary>
    public const int DefaultTail = 10;

    /// <summary>Most characters of a result's text kept (the rest becomes a note): a huge result is shown once, not held for the session.</summary>
    public const int MaxOutputChars = 100_000;

    private readonly List<HistoryEntry> entries = [];

    /// <summary>How many cells are stored.</summary>
    public int Count => entries.Count;

    /// <summary>Store a cell that ran (failed ones included); its result's text is cut at <see cref="MaxOutputChars"/>.</summary>
    public void Record(int line, string raw, string ran, string? output)
    {
        if (output is { Length: > MaxOutputChars }) output = output[..MaxOutputChars] + string.Create(CultureInfo.InvariantCulture, $"\n[result cut at {MaxOutputChars:N0} of {output.Length:N0} characters]");
        entries.Add(new HistoryEntry(line, raw, ran, output));
    }

    /// <summary>The last <paramref name="n"/> cells, oldest first.</summary>
    public IReadOnlyList<HistoryEntry> Tail(int n) => entries.Skip(Math.Max(0, entries.Count - Math.Max(0, n))).ToList();

    /// <summary>Lines <paramref name="start"/> (inclusive) to <paramref name="stop"/> (exclusive) of <paramref name="session"/>.</summary>
    /// <remarks>IPython's rules: session 0 or less counts back from this one; a negative <paramref name="start"/> or <paramref name="stop"/>
    /// counts back from the next line; <paramref name="stop"/> 0 means to the end.</remarks>
    public IReadOnlyList<HistoryEntry> Range(int session, int start, int stop)
    {
        if (session <= 0) session += Session;
        if (session != Session) return [];
        var next = entries.Count == 0 ? 1 : entries[^1].Line + 1;
        if (start < 0) start += next;
        if (stop == 0 || stop > next) stop = next;
        else if (stop < 0) stop += next;
        return entries.Where(e => e.Line >= start && e.Line < stop).ToList();
    }

    /// <summary>The cells whose typed code matches <paramref name="pattern"/>, oldest first: the last <paramref name="n"/>, and with <paramref name="unique"/> the latest of each distinct code only.</summary>
    public IReadOnlyList<HistoryEntry> Search(GlobPattern pattern, int n, bool unique)
    {
        var found = entries.Where(e => pattern.Matches(e.Raw));
        if (unique)
        {
            var latest = new HashSet<string>(StringComparer.Ordinal);
            found = found.Reverse().Where(e => latest.Add(e.Raw)).Reverse();
        }
        var list = found.ToList();
        return list.Skip(Math.Max(0, list.Count - Math.Max(0, n))).ToList();
    }

    /// <summary>The <c>history_reply</c> content for <paramref name="request"/>.</summary>
    /// <exception cref="BadRequestException">A field has the wrong type or <c>hist_access_type</c> is unknown.</exception>
    public JsonObject Answer(JupyterMessage request)
    {
        var raw = MessageContent.Bool(request, "raw", true);
        var output = MessageContent.Bool(request, "output", false);
        var access = MessageContent.String(request, "hist_access_type", "range");
        var found = access switch
        {
            "tail" => Tail(MessageContent.Int(request, "n", DefaultTail)),
            "range" => Range(MessageContent.Int(request, "session", 0), MessageContent.Int(request, "start", 1), MessageContent.Int(request, "stop", 0)),
            "search" => Search(Glob(MessageContent.String(request, "pattern", "*")), MessageContent.Int(request, "n", int.MaxValue),
                MessageContent.Bool(request, "unique", false)),
            _ => throw new BadRequestException(
                $"history_request: \"hist_access_type\" must be \"tail\", \"range\" or \"search\", not \"{access}\" (Jupyter messaging protocol 5.3)."),
        };
        var history = new JsonArray();
        foreach (var entry in found)
        {
            JsonNode input = raw ? entry.Raw : entry.Ran;
            history.Add(new JsonArray(Session, entry.Line, output ? new JsonArray(input, entry.Output) : input));
        }
        return new JsonObject { ["status"] = "ok", ["history"] = history };
    }

    private static GlobPattern Glob(string pattern)
    {
        try
        {
            return new GlobPattern(pattern);
        }
        catch (ArgumentException e)
        {
            throw new BadRequestException($"history_request: \"pattern\": {e.Message}");
        }
    }
}
