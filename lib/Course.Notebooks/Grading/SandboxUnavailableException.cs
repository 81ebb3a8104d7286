namespace Course.Notebooks.Grading;

/// <summary>Bubblewrap is not installed or does not work here, and grading without it was not allowed.</summary>
public sealed class SandboxUnavailableException(string message) : Exception(message);
