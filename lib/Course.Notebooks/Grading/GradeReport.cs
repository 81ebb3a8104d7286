namespace Course.Notebooks.Grading;

/// <summary>A graded submission.</summary>
/// <param name="Submission">The submission file.</param>
/// <param name="Tests">One result per grade cell of the key.</param>
/// <param name="SubmissionErrors">Errors the student's own cells raised, as "cell N: message".</param>
/// <param name="Isolation">How the student's code was confined, in plain words.</param>
/// <param name="Elapsed">Wall time of grading.</param>
/// <param name="Usage">Peak memory and CPU time of the sandboxed worker's process tree (<see cref="ResourceUsage.None"/> when none ran).</param>
public sealed record GradeReport(string Submission, IReadOnlyList<TestResult> Tests, IReadOnlyList<string> SubmissionErrors, string Isolation, TimeSpan Elapsed,
                                 ResourceUsage Usage)
{
    /// <summary>Points earned.</summary>
    public double Score => Tests.Sum(t => t.Points);

    /// <summary>Points available.</summary>
    public double MaxScore => Tests.Sum(t => t.MaxPoints);
}
