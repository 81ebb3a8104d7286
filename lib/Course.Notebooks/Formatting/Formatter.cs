using System.Collections.Immutable;
using Course.Notebooks.Formatting;

namespace Microsoft.DotNet.Interactive.Formatting;

/// <summary>Turns values into text of a MIME type; <c>Register</c> changes how a type is shown, as in .NET Interactive.</summary>
/// <remarks>
/// The course engine's own implementation of .NET Interactive's formatting API (issue 17), so notebooks written for
/// Polyglot Notebooks compile and display alike in <c>course run</c>, the kernel and the web book. The most specific
/// registration wins (the type itself, then its base classes, then its interfaces; open generic types such as
/// <c>typeof(List&lt;&gt;)</c> count as their constructed types; the latest of equals). Values without a registration get
/// the engine's defaults (<see cref="DisplayBundle"/>). Registrations are process-wide, as in .NET Interactive.
/// </remarks>
public static class Formatter
{
    private const string PlainText = "text/plain";
    private static readonly Lock gate = new();
    private static ImmutableList<Registration> registrations = [];
    private static ImmutableDictionary<Type, ImmutableArray<string>> preferred = ImmutableDictionary<Type, ImmutableArray<string>>.Empty;

    /// <summary>How many items of a sequence a table or list shows before "… more" (20, as in .NET Interactive).</summary>
    public static int ListExpansionLimit { get; set; } = 20;

    /// <summary>Show <typeparamref name="T"/> as the text <paramref name="formatter"/> returns, for <paramref name="mimeType"/>.</summary>
    public static void Register<T>(Func<T, string> formatter, string mimeType = PlainText)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        Register(typeof(T), (value, writer) => writer.Write(formatter((T)value)), mimeType);
    }

    /// <summary>Show <typeparamref name="T"/> as what <paramref name="formatter"/> writes, for <paramref name="mimeType"/>.</summary>
    public static void Register<T>(Action<T, TextWriter> formatter, string mimeType = PlainText)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        Register(typeof(T), (value, writer) => formatter((T)value, writer), mimeType);
    }

    /// <summary>Show values of <paramref name="type"/> (an open generic type covers its constructed types) as what <paramref name="formatter"/> writes.</summary>
    public static void Register(Type type, Action<object, TextWriter> formatter, string mimeType = PlainText)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(formatter);
        ArgumentException.ThrowIfNullOrWhiteSpace(mimeType);
        lock (gate) registrations = registrations.Add(new Registration(type, mimeType, formatter));
    }

    /// <summary>Show values of <paramref name="type"/> only as <paramref name="mimeTypes"/> (plain text is always kept).</summary>
    public static void SetPreferredMimeTypesFor(Type type, params string[] mimeTypes)
    {
        ArgumentNullException.ThrowIfNull(type);
        lock (gate) preferred = preferred.SetItem(type, [.. mimeTypes]);
    }

    /// <summary>Show values of <paramref name="type"/> only as <paramref name="mimeType"/> (plain text is always kept).</summary>
    public static void SetPreferredMimeTypeFor(Type type, string mimeType) => SetPreferredMimeTypesFor(type, mimeType);

    /// <summary>The MIME types values of <paramref name="type"/> are shown as: those set for it, else <c>text/html</c> and <c>text/plain</c>.</summary>
    public static IReadOnlyList<string> GetPreferredMimeTypesFor(Type? type) =>
        type is not null && PreferredFor(type) is { } set ? set : ["text/html", PlainText];

    /// <summary>Forget every registration and preferred MIME type.</summary>
    public static void ResetToDefault()
    {
        lock (gate)
        {
            registrations = [];
            preferred = ImmutableDictionary<Type, ImmutableArray<string>>.Empty;
        }
        ListExpansionLimit = 20;
    }

    /// <summary><paramref name="value"/> as text of <paramref name="mimeType"/>: its registered formatter, else the engine's default.</summary>
    public static string ToDisplayString(this object? value, string mimeType = PlainText)
    {
        if (value is not null && Find(value.GetType(), mimeType) is { } registration) return Run(registration, value);
        var bundle = DisplayBundle.Default(value);
        if (bundle.TryGetValue(mimeType, out var text)) return text;
        var plain = bundle.TryGetValue(PlainText, out var p) ? p : value?.ToString() ?? "";
        return mimeType == "text/html" ? $"<div class=\"dni-plaintext\"><pre>{Course.Notebooks.Html.HtmlText.Escape(plain)}</pre></div>" : plain;
    }

    /// <summary>The registered formats of <paramref name="value"/>, most specific per MIME type; empty when none applies.</summary>
    internal static Dictionary<string, string> Registered(object value)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var mime in registrations.Select(r => r.MimeType).Distinct())
            if (Find(value.GetType(), mime) is { } registration) result[mime] = Run(registration, value);
        return result;
    }

    /// <summary><paramref name="value"/> as its registered formatter for <paramref name="mimeType"/> writes it, or null when none is registered for its type.</summary>
    internal static string? RegisteredAs(object value, string mimeType) =>
        Find(value.GetType(), mimeType) is { } registration ? Run(registration, value) : null;

    /// <summary>True when a formatter for <paramref name="mimeType"/> is registered for <paramref name="type"/>, a base type or an interface of it.</summary>
    internal static bool IsRegistered(Type type, string mimeType) => Find(type, mimeType) is not null;

    /// <summary>The MIME types set with <see cref="SetPreferredMimeTypesFor"/> for <paramref name="type"/> or its nearest base type, or null.</summary>
    internal static IReadOnlyList<string>? PreferredFor(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType)
            if (preferred.TryGetValue(t, out var set)) return set;
        return type.GetInterfaces().Select(i => preferred.TryGetValue(i, out var set) ? set : default).FirstOrDefault(s => !s.IsDefault) is { IsDefault: false } found ? found : null;
    }

    private static Registration? Find(Type type, string mimeType)
    {
        Registration? best = null;
        var bestRank = int.MaxValue;
        foreach (var registration in registrations.Where(r => r.MimeType == mimeType))
        {
            var rank = Rank(type, registration.Type);
            if (rank <= bestRank && rank != int.MaxValue) (best, bestRank) = (registration, rank); // later registrations win ties
        }
        return best;
    }

    /// <summary>0 for the type itself, n for its n-th base class, 1000 for an interface; int.MaxValue when <paramref name="registered"/> does not apply.</summary>
    private static int Rank(Type type, Type registered)
    {
        var depth = 0;
        for (var t = type; t is not null; t = t.BaseType, depth++)
            if (t == registered || (registered.IsGenericTypeDefinition && t.IsGenericType && t.GetGenericTypeDefinition() == registered)) return depth;
        foreach (var i in type.GetInterfaces())
            if (i == registered || (registered.IsGenericTypeDefinition && i.IsGenericType && i.GetGenericTypeDefinition() == registered)) return 1000;
        return int.MaxValue;
    }

    private static string Run(Registration registration, object value)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        registration.Format(value, writer);
        return writer.ToString();
    }

    private sealed record Registration(Type Type, string MimeType, Action<object, TextWriter> Format);
}
