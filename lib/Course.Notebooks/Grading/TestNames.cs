using System.Text.RegularExpressions;
using Course.Notebooks.Document;

namespace Course.Notebooks.Grading;

/// <summary>
/// Names of a key's grade cells as a student reads them: <c>course.name</c> when the cell has one, else the
/// heading of the exercise above it ("Exercise 1 · Shift a batch right"), else the cell id.
/// </summary>
public static partial class TestNames
{
    /// <summary>One unique name per grade cell of <paramref name="key"/>, in order.</summary>
    public static IReadOnlyList<string> Of(NotebookDocument key)
    {
        var names = new List<string>();
        string? heading = null;
        foreach (var cell in key.Cells)
        {
            if (cell.Type == CellType.Markdown)
                heading = Headings().Matches(cell.Source).Select(m => m.Groups[1].Value.Trim()).LastOrDefault() ?? heading;
            else if (cell.Type == CellType.Code && cell.HasTag(ExerciseMarkers.GradeTag))
            {
                var name = cell.Metadata["course"]?["name"]?.GetValue<string>() ?? Clean(heading) ?? cell.Id;
                var unique = name;
                for (int n = 2; names.Contains(unique); n++) unique = $"{name} ({n})";
                names.Add(unique);
            }
        }
        return names;
    }

    private static string? Clean(string? heading) =>
        string.IsNullOrWhiteSpace(heading) ? null : Points().Replace(heading, "").Trim();

    [GeneratedRegex(@"^#{1,6}\s+(.+)$", RegexOptions.Multiline)]
    private static partial Regex Headings();

    [GeneratedRegex(@"\s*\(\s*\d+(\.\d+)?\s+points?\s*\)\s*$")]
    private static partial Regex Points();
}
