namespace Course.Notebooks.Grading;

/// <summary>The key could not be run, so nothing can be graded with it; the message names the cell and the fix.</summary>
public sealed class KeyException(string message) : Exception(message);
