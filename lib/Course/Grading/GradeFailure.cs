namespace Course.Grading;

/// <summary>A check in a grade cell that did not hold; its message says what was expected and what was found.</summary>
/// <remarks>The autograder reports the message as the test's feedback (DESIGN.md, Exercises).</remarks>
public sealed class GradeFailure(string message) : Exception(message);
