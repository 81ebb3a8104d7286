using Course.Interactive;
using Course.Notebooks.Formatting;

namespace Microsoft.DotNet.Interactive;

/// <summary><c>x.Display()</c> and <c>rows.DisplayTable()</c>, as in .NET Interactive.</summary>
public static class DisplayExtensions
{
    /// <summary>Show <paramref name="value"/> in the cell's output (only as <paramref name="mimeTypes"/> when given); the handle updates or clears it.</summary>
    public static DisplayHandle Display(this object? value, params string[] mimeTypes) => Notebook.Display(DisplayRequest.Of(value, mimeTypes));

    /// <summary>Show <paramref name="rows"/> as a table with a column per property, whatever formatter their type has.</summary>
    public static DisplayHandle DisplayTable<T>(this IEnumerable<T> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return Notebook.Display(new TableContent(rows.ToList()));
    }

    /// <summary>Show <paramref name="content"/> as is, as <paramref name="mimeType"/> (e.g. <c>"text/markdown"</c>).</summary>
    public static DisplayHandle DisplayAs(this string content, string mimeType) => Notebook.Display(new RawContent(mimeType, content));
}
