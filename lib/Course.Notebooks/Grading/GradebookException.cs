namespace Course.Notebooks.Grading;

/// <summary>A gradebook that cannot be read, or shard gradebooks that do not make one batch; the message is one line naming the file and the fix.</summary>
public sealed class GradebookException(string message) : Exception(message);
