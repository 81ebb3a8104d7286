using System.Collections;
using System.Dynamic;
using System.Globalization;
using System.Text;
using Course.Notebooks.Formatting;
using Course.Notebooks.Html;

namespace Microsoft.DotNet.Interactive.Formatting;

/// <summary>An HTML element written as C#: <c>span[style: "color:red"]("hi")</c>, as .NET Interactive's PocketView.</summary>
/// <remarks>
/// Indexing with named arguments adds attributes (<c>@class:</c> for <c>class</c>, <c>data_id:</c> for <c>data-id</c>;
/// <c>true</c> writes a bare attribute, <c>false</c> and null none); calling sets the content. Text and numbers in the
/// content are HTML-encoded, attribute values attribute-encoded; nested PocketViews and <c>HTML(…)</c> stay HTML; other
/// objects are shown with their HTML format. Every step returns a new view, so a tag can be reused.
/// </remarks>
public sealed class PocketView : DynamicObject
{
    private static readonly HashSet<string> voidElements = new(StringComparer.OrdinalIgnoreCase)
        { "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr" };

    private readonly string tagName;
    private readonly IReadOnlyList<KeyValuePair<string, object?>> attributes;
    private readonly IReadOnlyList<object?> content;

    /// <summary>An empty <paramref name="tagName"/> element.</summary>
    public PocketView(string tagName) : this(tagName, [], []) { }

    private PocketView(string tagName, IReadOnlyList<KeyValuePair<string, object?>> attributes, IReadOnlyList<object?> content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tagName);
        if (!tagName.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new ArgumentException($"'{tagName}' is not an HTML tag name; use letters, digits and '-'.", nameof(tagName));
        this.tagName = tagName;
        this.attributes = attributes;
        this.content = content;
    }

    /// <summary>This element with <paramref name="children"/> as its content.</summary>
    public PocketView WithContent(params object?[] children) => new(tagName, attributes, children);

    /// <summary>This element with one more attribute.</summary>
    public PocketView WithAttribute(string name, object? value) => new(tagName, [.. attributes, KeyValuePair.Create(AttributeName(name), value)], content);

    /// <inheritdoc/>
    public override bool TryInvoke(InvokeBinder binder, object?[]? args, out object? result)
    {
        result = WithContent(args ?? []);
        return true;
    }

    /// <inheritdoc/>
    public override bool TryGetIndex(GetIndexBinder binder, object?[] indexes, out object? result)
    {
        var names = binder.CallInfo.ArgumentNames;
        var positional = indexes.Length - names.Count;
        var view = this;
        for (var i = 0; i < indexes.Length; i++)
        {
            if (i >= positional) view = view.WithAttribute(names[i - positional], indexes[i]);
            else if (indexes[i] is IEnumerable<KeyValuePair<string, object?>> pairs) foreach (var (k, v) in pairs) view = view.WithAttribute(k, v);
            else throw new ArgumentException($"<{tagName}>: name each attribute, e.g. {tagName}[style: \"color:red\"] or {tagName}[@class: \"note\"].");
        }
        result = view;
        return true;
    }

    /// <summary>The element's HTML.</summary>
    public override string ToString()
    {
        var html = new StringBuilder("<").Append(tagName);
        foreach (var (name, value) in attributes)
        {
            if (value is null or false) continue;
            html.Append(' ').Append(name);
            if (value is not true) html.Append("=\"").Append(HtmlText.Escape(Text(value))).Append('"');
        }
        if (voidElements.Contains(tagName) && content.Count == 0) return html.Append(" />").ToString();
        html.Append('>');
        foreach (var child in content) Write(html, child);
        return html.Append("</").Append(tagName).Append('>').ToString();
    }

    private static void Write(StringBuilder html, object? child)
    {
        switch (child)
        {
            case null:
                return;
            case string text:
                html.Append(HtmlText.Escape(text));
                return;
            case PocketView or HtmlContent:
                html.Append(child);
                return;
            case IFormattable or bool or char:
                html.Append(HtmlText.Escape(Text(child)));
                return;
            case IEnumerable children:
                foreach (var c in children) Write(html, c);
                return;
            default:
                html.Append(child.ToDisplayString("text/html"));
                return;
        }
    }

    private static string Text(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

    private static string AttributeName(string name)
    {
        var html = name.TrimStart('@').Replace('_', '-');
        if (html.Length == 0 || !html.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or ':' or '.'))
            throw new ArgumentException($"'{name}' is not an HTML attribute name; use letters, digits and '_' (written '-').");
        return html;
    }
}
