namespace Course.Notebooks.Grading;

/// <summary>How one test ended.</summary>
public enum TestStatus
{
    /// <summary>Every check held.</summary>
    Passed,

    /// <summary>A check failed (<c>GradeFailure</c>): the message says what was expected.</summary>
    Failed,

    /// <summary>The test or the student's code threw, or did not compile.</summary>
    Error,

    /// <summary>The test ran past the time limit and was stopped.</summary>
    TimedOut,
}

/// <summary>The result of one grade cell.</summary>
/// <param name="Name">The test's name (<c>course.name</c> or the cell id).</param>
/// <param name="Status">Passed, failed, error or timed out.</param>
/// <param name="Points">Points earned.</param>
/// <param name="MaxPoints">Points available.</param>
/// <param name="Message">Feedback for the student (empty when passed).</param>
public sealed record TestResult(string Name, TestStatus Status, double Points, double MaxPoints, string Message);

/// <summary>A graded submission.</summary>
/// <param name="Submission">The submission file.</param>
/// <param name="Tests">One result per grade cell of the key.</param>
/// <param name="SubmissionErrors">Errors the student's own cells raised, as "cell N: message".</param>
/// <param name="Isolation">How the student's code was confined, in plain words.</param>
/// <param name="Elapsed">Wall time of grading.</param>
public sealed record GradeReport(string Submission, IReadOnlyList<TestResult> Tests, IReadOnlyList<string> SubmissionErrors, string Isolation, TimeSpan Elapsed)
{
    /// <summary>Points earned.</summary>
    public double Score => Tests.Sum(t => t.Points);

    /// <summary>Points available.</summary>
    public double MaxScore => Tests.Sum(t => t.MaxPoints);
}
