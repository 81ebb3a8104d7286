namespace Course.Data;

/// <summary>A dataset file or folder is missing or damaged; the message names the path and the fix.</summary>
/// <remarks>
/// Thrown by <see cref="Idx"/> and <see cref="Mnist"/> (notebooks 00-setup, 04-cnn-mnist, 07-autoencoder
/// and later) so a student sees one clear line instead of a stack trace from deep inside a parser.
/// </remarks>
public sealed class DatasetException : Exception
{
    /// <summary>Create the exception with a one-line message naming the path and the fix.</summary>
    /// <remarks>Used by the course's data loaders (notebooks 00-setup, 04-cnn-mnist, 07-autoencoder).</remarks>
    public DatasetException(string message) : base(message) { }

    /// <summary>Create the exception with a one-line message and the low-level error behind it.</summary>
    /// <remarks>Used when a file cannot be read or decompressed (notebooks 00-setup, 04-cnn-mnist).</remarks>
    public DatasetException(string message, Exception inner) : base(message, inner) { }
}
