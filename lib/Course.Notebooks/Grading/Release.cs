using System.Text.Json.Nodes;
using Course.Notebooks.Document;

namespace Course.Notebooks.Grading;

/// <summary>Makes the student copy of an instructor's notebook: solutions out, hidden tests out, outputs cleared.</summary>
/// <remarks>
/// nbgrader's release step, for C#: each <c>// BEGIN SOLUTION</c> … <c>// END SOLUTION</c> region becomes
/// <c>throw new NotImplementedException();</c> at the region's indentation, each
/// <c>// BEGIN HIDDEN TESTS</c> … <c>// END HIDDEN TESTS</c> region is removed, so is each
/// <c>&lt;!-- BEGIN ANSWER --&gt;</c> … <c>&lt;!-- END ANSWER --&gt;</c> region of a Markdown cell (a questionnaire's answers), and exercise and grade
/// cells are locked against deletion (grade cells against editing too). Releasing a released copy
/// changes nothing.
/// </remarks>
public static class Release
{
    /// <summary>The student copy of <paramref name="key"/> (the key itself is not changed).</summary>
    /// <exception cref="NotebookFormatException">A region is not closed; the message names the cell.</exception>
    public static NotebookDocument Make(NotebookDocument key, string sourceName)
    {
        var student = key.Clone();
        for (var i = 0; i < student.Cells.Count; i++)
        {
            var cell = student.Cells[i];
            var where = $"{sourceName}, cell {i + 1} ({cell.Id})";
            if (cell.Type == CellType.Markdown) cell.Source = StripRegions(cell.Source, ExerciseMarkers.BeginAnswer, ExerciseMarkers.EndAnswer, null, where);
            if (cell.Type != CellType.Code) continue;
            cell.Source = StripRegions(cell.Source, ExerciseMarkers.BeginSolution, ExerciseMarkers.EndSolution, ExerciseMarkers.Placeholder, where);
            cell.Source = StripRegions(cell.Source, ExerciseMarkers.BeginHidden, ExerciseMarkers.EndHidden, null, where);
            cell.Outputs.Clear();
            cell.ExecutionCount = null;
            cell.Metadata.Remove("execution");
            if (cell.HasTag(ExerciseMarkers.GradeTag)) Lock(cell, editable: false);
            else if (cell.HasTag(ExerciseMarkers.ExerciseTag)) Lock(cell, editable: true);
        }
        student.Cells.RemoveAll(c => c.HasTag("injected-parameters"));
        return student;
    }

    /// <summary>Replace every region between <paramref name="begin"/> and <paramref name="end"/> lines.</summary>
    internal static string StripRegions(string source, string begin, string end, string? replacement, string where)
    {
        var lines = source.Replace("\r\n", "\n").Split('\n');
        var result = new List<string>();
        var inside = false;
        foreach (var line in lines)
        {
            var trimmed = line.Trim();
            if (trimmed == begin)
            {
                if (inside) throw new NotebookFormatException($"{where}: '{begin}' inside another region; close it with '{end}' first.");
                inside = true;
                if (replacement is not null) result.Add(line[..(line.Length - line.TrimStart().Length)] + replacement);
                continue;
            }
            if (trimmed == end)
            {
                if (!inside) throw new NotebookFormatException($"{where}: '{end}' without '{begin}'.");
                inside = false;
                continue;
            }
            if (!inside) result.Add(line);
        }
        if (inside) throw new NotebookFormatException($"{where}: '{begin}' is never closed; add '{end}'.");
        return string.Join('\n', result);
    }

    private static void Lock(NotebookCell cell, bool editable)
    {
        cell.Metadata["deletable"] = false;
        cell.Metadata["editable"] = editable;
    }

    /// <summary>Points of a grade cell (<c>metadata.course.points</c>, default 1).</summary>
    public static double PointsOf(NotebookCell cell) =>
        cell.Metadata["course"]?["points"] is JsonValue v && v.TryGetValue(out double points) ? points : 1;
}
