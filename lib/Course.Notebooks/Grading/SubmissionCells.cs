using Course.Notebooks.Document;
using Course.Notebooks.Execution;

namespace Course.Notebooks.Grading;

/// <summary>What the student's process runs: the key's cells in the key's order, with the student's answers in the exercise cells.</summary>
/// <remarks>
/// Only a student's exercise cells and the code cells they added are theirs; every other cell is taken from the key
/// (as released), so editing the notebook's own cells, its grade cells or its parameters changes nothing. Added cells
/// keep their place after the cell they followed. An exercise cell is matched by its id, else by its order among the
/// exercise cells; a missing one runs as released (unanswered). Cells with <c>#r</c>, <c>#i</c> or magic commands
/// are not the student's to add: they are left out with a note.
/// </remarks>
public static class SubmissionCells
{
    /// <summary>The cells to run before the grade cells, and notes about cells left out.</summary>
    public static (IReadOnlyList<SubmissionCell> Cells, IReadOnlyList<string> Notes) Assemble(NotebookDocument key, NotebookDocument submission)
    {
        var keyIds = key.Cells.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var numbered = submission.Cells.Select((c, i) => (cell: c, number: i + 1)).ToList();
        var byId = numbered.Where(p => p.cell.Type == CellType.Code).GroupBy(p => p.cell.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var unmatchedExercises = new Queue<(NotebookCell cell, int number)>(
            numbered.Where(p => p.cell.Type == CellType.Code && p.cell.HasTag(ExerciseMarkers.ExerciseTag) && !keyIds.Contains(p.cell.Id)));

        // Added cells, grouped under the key cell they follow in the submission ("" = before any key cell).
        var added = new Dictionary<string, List<(NotebookCell cell, int number)>>(StringComparer.Ordinal);
        var anchor = "";
        foreach (var (cell, number) in numbered)
        {
            if (keyIds.Contains(cell.Id)) anchor = cell.Id;
            else if (cell.Type == CellType.Code && !cell.HasTag(ExerciseMarkers.ExerciseTag) && !cell.HasTag(ExerciseMarkers.GradeTag))
                (added.TryGetValue(anchor, out var list) ? list : added[anchor] = []).Add((cell, number));
        }

        var cells = new List<SubmissionCell>();
        var notes = new List<string>();
        void AddStudent((NotebookCell cell, int number) p)
        {
            if (DirectiveParser.Parse(p.cell.Source).Directives.Count > 0)
                notes.Add($"cell {p.number}: left out: #r, #i and magic commands (#!…) are not allowed in your own cells; the notebook's setup cell loads what you need");
            else cells.Add(new SubmissionCell(p.cell.Source, ByStudent: true, p.number));
        }

        foreach (var p in added.GetValueOrDefault("", [])) AddStudent(p);
        for (var i = 0; i < key.Cells.Count; i++)
        {
            var keyCell = key.Cells[i];
            if (keyCell.Type == CellType.Code && !keyCell.HasTag(ExerciseMarkers.GradeTag))
            {
                var released = Released(keyCell, $"key, cell {i + 1}");
                if (!keyCell.HasTag(ExerciseMarkers.ExerciseTag)) cells.Add(new SubmissionCell(released, ByStudent: false, byId.TryGetValue(keyCell.Id, out var same) ? same.number : null));
                else if (byId.TryGetValue(keyCell.Id, out var answer) || unmatchedExercises.TryDequeue(out answer)) AddStudent(answer);
                else cells.Add(new SubmissionCell(released, ByStudent: false, null));
            }
            foreach (var p in added.GetValueOrDefault(keyCell.Id, [])) AddStudent(p);
        }
        return (cells, notes);
    }

    private static string Released(NotebookCell cell, string where) =>
        Release.StripRegions(Release.StripRegions(cell.Source, ExerciseMarkers.BeginSolution, ExerciseMarkers.EndSolution, ExerciseMarkers.Placeholder, where),
                             ExerciseMarkers.BeginHidden, ExerciseMarkers.EndHidden, null, where);
}
