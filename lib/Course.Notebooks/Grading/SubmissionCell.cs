namespace Course.Notebooks.Grading;

/// <summary>One cell the student's process runs, and where it came from.</summary>
/// <param name="Source">The C# to run.</param>
/// <param name="ByStudent">True for the student's exercise cells and the cells they added; false for the key's other cells.</param>
/// <param name="Number">The cell's number in the submission (1-based, all cells counted), or null for a key cell the submission lacks.</param>
public sealed record SubmissionCell(string Source, bool ByStudent, int? Number)
{
    /// <summary>"cell 17" or "the released cell" for the report.</summary>
    public string Label => Number is { } n ? $"cell {n}" : "a released cell";
}
