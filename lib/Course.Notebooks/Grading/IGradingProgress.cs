namespace Course.Notebooks.Grading;

/// <summary>Hears about a batch as it is graded; called from the grading threads, several at once when jobs run in parallel.</summary>
public interface IGradingProgress
{
    /// <summary>Submission <paramref name="index"/> (in the batch's order) starts.</summary>
    void Started(int index, string submission);

    /// <summary>Submission <paramref name="index"/> is graded.</summary>
    void Finished(int index, GradeReport report);
}
