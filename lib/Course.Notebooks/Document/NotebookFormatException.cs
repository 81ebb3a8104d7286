namespace Course.Notebooks.Document;

/// <summary>A notebook file that cannot be read: malformed JSON, not nbformat 4, or not C#.</summary>
/// <remarks>The message is one line naming the file, the place and the fix.</remarks>
public sealed class NotebookFormatException(string message) : Exception(message);
