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
