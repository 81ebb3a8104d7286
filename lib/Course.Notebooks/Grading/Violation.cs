namespace Course.Notebooks.Grading;

/// <summary>A call in a student's cell that grading does not allow.</summary>
/// <param name="Symbol">What was used, e.g. <c>Course.Cnn.ByHand.Conv2d</c>.</param>
/// <param name="Where">"cell 17, line 4".</param>
/// <param name="Reason">Why it is not allowed, or null when an exercise forbids it (see <see cref="SubmissionAudit.Forbidden"/>).</param>
public sealed record Violation(string Symbol, string Where, string? Reason)
{
    /// <summary>The line a student reads.</summary>
    public string Message(string? forbiddenBy = null) => Reason is { } reason
        ? $"your code uses {Symbol} ({Where}): {reason}, which graded code may not use"
        : $"your code uses {Symbol} ({Where}), which this exercise forbids: {forbiddenBy ?? "write it yourself"}";
}
