namespace Course.Notebooks.Grading;

/// <summary>The result of one grade cell.</summary>
/// <param name="Name">The test's name (<c>course.name</c> or the cell id).</param>
/// <param name="Status">Passed, failed, error or timed out.</param>
/// <param name="Points">Points earned.</param>
/// <param name="MaxPoints">Points available.</param>
/// <param name="Message">Feedback for the student (empty when passed).</param>
public sealed record TestResult(string Name, TestStatus Status, double Points, double MaxPoints, string Message);
