using Course.Interactive;
using Microsoft.DotNet.Interactive.Formatting;

namespace Course.Notebooks.Formatting;

/// <summary>The MIME bundle a displayed value or cell result becomes, in <c>course run</c>, the kernel and the book alike.</summary>
/// <remarks>
/// The MIME types are .NET Interactive's: a value with <c>Formatter.Register</c>ed formats gets exactly those (plus plain text);
/// otherwise <see cref="LaTeXString"/> and <see cref="MathString"/> are <c>text/latex</c>, <see cref="PocketView"/> and <c>HTML(…)</c>
/// <c>text/html</c>, <c>Javascript(…)</c> a <c>text/html</c> script, <c>Markdown(…)</c> <c>text/markdown</c>; the course's own types
/// (charts, tensors, image grids…) keep the library's <see cref="MimeBundle"/>; other sequences and objects become an HTML table
/// (<see cref="Tables"/>) and plain text. <c>display(x, "text/plain")</c> and <c>Formatter.SetPreferredMimeTypesFor</c> narrow the bundle.
/// </remarks>
internal static class DisplayBundle
{
    private const string PlainText = MimeBundle.PlainText;

    /// <summary>The bundle <paramref name="value"/> is shown as.</summary>
    public static IReadOnlyDictionary<string, string> For(object? value)
    {
        if (value is DisplayRequest request) return Only(For(request.Value), request.Value, request.MimeTypes);
        if (value is null) return Default(null);
        var bundle = Formatter.Registered(value);
        if (bundle.Count == 0) return Formatter.PreferredFor(value.GetType()) is { } preferred ? Only(Default(value), value, [.. preferred, PlainText]) : Default(value);
        if (!bundle.ContainsKey(PlainText)) bundle[PlainText] = Tables.Plain(value, 0);
        return bundle;
    }

    /// <summary>The engine's own bundle of <paramref name="value"/>, ignoring registrations for the value itself.</summary>
    public static IReadOnlyDictionary<string, string> Default(object? value) => value switch
    {
        IDisplayContent content => content.Bundle(),
        PocketView view => Html(view.ToString()),
        LaTeXString latex => new Dictionary<string, string> { ["text/latex"] = latex.ToString(), [PlainText] = latex.ToString() },
        MathString math => new Dictionary<string, string> { ["text/latex"] = $"$${math}$$", [PlainText] = math.ToString() },
        _ when MimeBundle.TryFrom(value) is { } known => known,
        System.Collections.IEnumerable sequence => Tables.Sequence(sequence),
        _ => Tables.Object(value!),
    };

    /// <summary>A bundle of HTML with the same text as plain text.</summary>
    public static Dictionary<string, string> Html(string html) => new() { [MimeBundle.Html] = html, [PlainText] = html };

    private static Dictionary<string, string> Only(IReadOnlyDictionary<string, string> bundle, object? value, IEnumerable<string> mimeTypes)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var mime in mimeTypes.Distinct())
            result[mime] = bundle.TryGetValue(mime, out var text) ? text : value.ToDisplayString(mime);
        return result;
    }
}
