namespace Course.Notebooks.Running;

/// <summary>A problem with the command line of <c>course run</c>: a missing path, a bad <c>--out</c>.</summary>
/// <remarks>The message is one line naming the thing and the fix; the CLI prints it and exits 2.</remarks>
public sealed class RunException(string message) : Exception(message);
