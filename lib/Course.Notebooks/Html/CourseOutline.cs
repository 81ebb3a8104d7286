using System.Text.Json.Nodes;

namespace Course.Notebooks.Html;

/// <summary>Groups the book's notebooks under the lectures they follow: lecture → notebook → sections.</summary>
/// <remarks>
/// A notebook names its lecture in its metadata (<c>"course": {"lecture": "…"}</c>, read by
/// <see cref="Targets.CourseMetadata"/>, issue 15); a notebook that names none goes under "More notebooks".
/// Consecutive notebooks of one lecture form one part.
/// </remarks>
internal static class CourseOutline
{
    /// <summary>The title of the lecture <paramref name="page"/> follows.</summary>
    public static string Lecture(BookPage page)
    {
        if (page.Notebook.Metadata["course"] is JsonObject course && course["lecture"] is JsonValue value &&
            value.TryGetValue(out string? named) && !string.IsNullOrWhiteSpace(named))
            return named.Trim();
        return "More notebooks";
    }

    /// <summary>The pages in stem order, split where the lecture changes.</summary>
    public static IReadOnlyList<OutlinePart> Parts(IEnumerable<BookPage> pages)
    {
        var parts = new List<OutlinePart>();
        foreach (var page in pages.OrderBy(p => p.Stem, StringComparer.Ordinal))
        {
            var lecture = Lecture(page);
            if (parts.Count > 0 && parts[^1].Title == lecture) ((List<BookPage>)parts[^1].Pages).Add(page);
            else parts.Add(new OutlinePart(lecture, new List<BookPage> { page }));
        }
        return parts;
    }
}
