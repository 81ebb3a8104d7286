namespace Course.Notebooks.Grading;

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
