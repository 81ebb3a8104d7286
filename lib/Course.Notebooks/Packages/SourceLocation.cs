namespace Course.Notebooks.Packages;

/// <summary>Where a <c>#i "nuget: SOURCE"</c> points: an http(s) feed, or a local folder relative to the notebook.</summary>
public static class SourceLocation
{
    /// <summary>The feed URL or absolute folder for <paramref name="source"/>, or null with the reason in <paramref name="note"/>.</summary>
    /// <param name="source">As written after <c>nuget:</c>: <c>https://…/index.json</c>, <c>file:///…</c>, <c>../packages</c>, <c>~/feed</c>.</param>
    /// <param name="notebookFolder">What a relative folder is relative to.</param>
    /// <param name="note">Why the source is left out (not a folder that exists, not a URL NuGet reads).</param>
    public static string? Resolve(string source, string notebookFolder, out string? note)
    {
        note = null;
        if (source.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            if (Uri.TryCreate(source, UriKind.Absolute, out _)) return source;
            note = $"#i \"nuget: {source}\": not a valid URL; left out.";
            return null;
        }
        string folder;
        if (source.StartsWith("file:", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.IsFile)
            folder = uri.LocalPath;
        else if (source.Contains("://", StringComparison.Ordinal))
        {
            note = $"#i \"nuget: {source}\": NuGet reads http(s) feeds and folders only; left out.";
            return null;
        }
        else if (source == "~" || source.StartsWith("~/", StringComparison.Ordinal))
            folder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), source.TrimStart('~').TrimStart('/'));
        else
            folder = Path.Combine(notebookFolder, source);
        folder = Path.GetFullPath(folder);
        if (Directory.Exists(folder)) return folder;
        note = $"#i \"nuget: {source}\": no folder at {folder}; left out of the sources (it is relative to the notebook).";
        return null;
    }
}
