namespace Course.Notebooks.Grading;

/// <summary>A grade cell in the two forms <c>course grade</c> runs: the key's and the student's.</summary>
/// <param name="Key">Runs in the key's process: each check records its expected value, tolerance and description.</param>
/// <param name="Student">Runs in the student's process: each check only reports its actual value.</param>
/// <param name="Checks">How many checks the cell holds.</param>
public sealed record RewrittenGradeCell(string Key, string Student, int Checks);
