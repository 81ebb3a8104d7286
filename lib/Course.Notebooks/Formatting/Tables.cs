using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using Course.Interactive;
using Course.Notebooks.Html;
using Microsoft.DotNet.Interactive.Formatting;

namespace Course.Notebooks.Formatting;

/// <summary>The default formats of sequences and objects: an HTML table like .NET Interactive's, and one line of plain text.</summary>
/// <remarks>
/// A sequence is a table with an <c>index</c> column (<c>key</c> for a dictionary) and one column per public property or
/// field of its items (<c>value</c> for strings and numbers); an object is a table of its members with one row. Every
/// cell is HTML-encoded text (nested values as plain text, two levels deep), except <see cref="PocketView"/> and
/// <see cref="HtmlContent"/> values, which are HTML already, and values whose type has a registered <c>text/html</c>
/// formatter (<see cref="Formatter.Register{T}(Action{T, TextWriter}, string)"/>), which show what it writes. At most <see cref="Formatter.ListExpansionLimit"/> rows show.
/// </remarks>
internal static class Tables
{
    private const int MaxDepth = 2;

    /// <summary>A sequence's bundle: a table and <c>[ a, b, … ]</c>, from one enumeration of at most <see cref="Formatter.ListExpansionLimit"/> + 1 items.</summary>
    public static Dictionary<string, string> Sequence(IEnumerable sequence)
    {
        var limit = Math.Max(0, Formatter.ListExpansionLimit);
        var keyed = sequence is IDictionary;
        var rows = new List<(object? Key, object? Item)>();
        var more = false;
        var index = 0;
        foreach (var entry in Entries(sequence))
        {
            if (rows.Count == limit) { more = true; break; }
            rows.Add(entry is DictionaryEntry pair && keyed ? (pair.Key, pair.Value) : (index, entry));
            index++;
        }
        var columns = new List<string>();
        var hasValue = false;
        foreach (var (_, item) in rows)
        {
            if (IsValue(item)) hasValue = true;
            else foreach (var member in Members(item!.GetType()).Where(m => !columns.Contains(m.Name))) columns.Add(member.Name);
        }

        var html = new StringBuilder("<table><thead><tr><th><i>").Append(keyed ? "key" : "index").Append("</i></th>");
        if (hasValue) html.Append("<th>value</th>");
        foreach (var column in columns) html.Append("<th>").Append(HtmlText.Escape(column)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var (key, item) in rows)
        {
            html.Append("<tr><td>").Append(HtmlText.Escape(Plain(key, 1))).Append("</td>");
            if (hasValue) html.Append("<td>").Append(IsValue(item) ? Cell(item) : "").Append("</td>");
            var members = IsValue(item) ? [] : Members(item!.GetType()).ToDictionary(m => m.Name);
            foreach (var column in columns)
                html.Append("<td>").Append(members.TryGetValue(column, out var member) ? Cell(Read(member, item!)) : "").Append("</td>");
            html.Append("</tr>");
        }
        if (more)
        {
            var total = sequence is ICollection collection ? $"{collection.Count - limit} more" : "more";
            html.Append(CultureInfo.InvariantCulture, $"<tr><td colspan=\"{1 + (hasValue ? 1 : 0) + columns.Count}\"><i>({total})</i></td></tr>");
        }
        html.Append("</tbody></table>");
        // The text from the same items: a sequence is enumerated once.
        var items = rows.Select(r => keyed ? $"{Plain(r.Key, 1)}: {Plain(r.Item, 1)}" : Plain(r.Item, 1)).ToList();
        var plain = items.Count == 0 ? "[ ]" : $"[ {string.Join(", ", items)}{(more ? ", …" : "")} ]";
        return new Dictionary<string, string> { [MimeBundle.Html] = html.ToString(), [MimeBundle.PlainText] = plain };
    }

    /// <summary>An object's bundle: a one-row table of its members (none: plain text only) and its text.</summary>
    public static Dictionary<string, string> Object(object value)
    {
        var bundle = new Dictionary<string, string> { [MimeBundle.PlainText] = Plain(value, 0) };
        var members = Members(value.GetType()).ToList();
        if (members.Count == 0) return bundle;
        var html = new StringBuilder("<table><thead><tr>");
        foreach (var member in members) html.Append("<th>").Append(HtmlText.Escape(member.Name)).Append("</th>");
        html.Append("</tr></thead><tbody><tr>");
        foreach (var member in members) html.Append("<td>").Append(Cell(Read(member, value))).Append("</td>");
        bundle[MimeBundle.Html] = html.Append("</tr></tbody></table>").ToString();
        return bundle;
    }

    /// <summary>One line of text for <paramref name="value"/>: registered plain text, its own <c>ToString()</c>, <c>[ a, b ]</c> or <c>Type { A: 1 }</c>.</summary>
    public static string Plain(object? value, int depth)
    {
        switch (value)
        {
            case null: return "<null>";
            case string text: return text;
        }
        if (depth > 0 && Formatter.Registered(value).TryGetValue(MimeBundle.PlainText, out var registered)) return registered;
        if (IsSimple(value) && MimeBundle.TryFrom(value) is { } known && known.TryGetValue(MimeBundle.PlainText, out var plain)) return plain;
        var type = value.GetType();
        if (value is IEnumerable sequence and not IDictionary || value is IDictionary)
        {
            if (depth >= MaxDepth) return TypeName(type);
            var items = new List<string>();
            var more = false;
            foreach (var item in Entries((IEnumerable)value))
            {
                if (items.Count == Formatter.ListExpansionLimit) { more = true; break; }
                items.Add(item is DictionaryEntry e ? $"{Plain(e.Key, depth + 1)}: {Plain(e.Value, depth + 1)}" : Plain(item, depth + 1));
            }
            return items.Count == 0 ? "[ ]" : $"[ {string.Join(", ", items)}{(more ? ", …" : "")} ]";
        }
        if (OverridesToString(type) || depth >= MaxDepth) return Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        var members = Members(type).Select(m => $"{m.Name}: {Plain(Read(m, value), depth + 1)}").ToList();
        return members.Count == 0 ? TypeName(type) : $"{TypeName(type)} {{ {string.Join(", ", members)} }}";
    }

    /// <summary>The items of a sequence; a dictionary's as <see cref="DictionaryEntry"/>s (its non-generic enumerator), whatever its generic type.</summary>
    private static IEnumerable Entries(IEnumerable sequence)
    {
        if (sequence is not IDictionary dictionary)
        {
            foreach (var item in sequence) yield return item;
            yield break;
        }
        var entries = dictionary.GetEnumerator();
        while (entries.MoveNext()) yield return entries.Entry;
    }

    // A value whose type has a registered text/html formatter shows that HTML, as in .NET Interactive.
    private static string Cell(object? value) => value switch
    {
        PocketView or HtmlContent => value.ToString() ?? "",
        null or string => HtmlText.Escape(Plain(value, 1)),
        _ => Formatter.RegisteredAs(value, MimeBundle.Html) ?? HtmlText.Escape(Plain(value, 1)),
    };

    /// <summary>An item shown as one value (a <c>value</c> column) rather than a column per member: simple, or with a registered HTML formatter.</summary>
    private static bool IsValue(object? item) => IsSimple(item) || Formatter.IsRegistered(item!.GetType(), MimeBundle.Html);

    /// <summary>Strings, numbers, dates, sequences (as <c>[ … ]</c>), the course's own types, and anything without public members: shown as one value.</summary>
    private static bool IsSimple(object? value) =>
        value is null or string or IEnumerable or PocketView or HtmlContent || value.GetType().IsPrimitive || value.GetType().IsEnum
        || MimeBundle.TryFrom(value) is not null || !Members(value.GetType()).Any();

    private static IEnumerable<MemberInfo> Members(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetMethod!.IsPublic && p.Name != "EqualityContract")
            .Cast<MemberInfo>()
            .Concat(type.GetFields(BindingFlags.Public | BindingFlags.Instance));

    private static object? Read(MemberInfo member, object target)
    {
        try
        {
            return member is PropertyInfo p ? p.GetValue(target) : ((FieldInfo)member).GetValue(target);
        }
        catch (Exception e) when (e is TargetInvocationException or InvalidOperationException or NotSupportedException)
        {
            return $"({(e.InnerException ?? e).GetType().Name}: {(e.InnerException ?? e).Message})";
        }
    }

    private static bool OverridesToString(Type type) =>
        type.GetMethod(nameof(ToString), Type.EmptyTypes)?.DeclaringType is { } declaring && declaring != typeof(object) && declaring != typeof(ValueType);

    private static string TypeName(Type type) =>
        !type.IsGenericType ? type.Name : $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>";
}
