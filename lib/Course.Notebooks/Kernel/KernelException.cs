namespace Course.Notebooks.Kernel;

/// <summary>A kernel start-up problem, reported as one line.</summary>
public sealed class KernelException(string message) : Exception(message);
