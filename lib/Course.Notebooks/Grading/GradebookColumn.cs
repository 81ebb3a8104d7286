namespace Course.Notebooks.Grading;

/// <summary>One test of the key: a column of the gradebook.</summary>
/// <param name="Name">The test's name.</param>
/// <param name="MaxPoints">Its points.</param>
public sealed record GradebookColumn(string Name, double MaxPoints);
