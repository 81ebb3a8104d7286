namespace Course.Notebooks.Formatting;

/// <summary>A value to display as only <paramref name="MimeTypes"/>: <c>display(x, "text/plain")</c>, <c>x.Display("text/html")</c>.</summary>
internal sealed record DisplayRequest(object? Value, IReadOnlyList<string> MimeTypes)
{
    /// <summary><paramref name="value"/> itself when no MIME type is asked for, else a request for those types.</summary>
    public static object? Of(object? value, string[]? mimeTypes) =>
        mimeTypes is null || mimeTypes.Length == 0 ? value : new DisplayRequest(value, mimeTypes);
}
