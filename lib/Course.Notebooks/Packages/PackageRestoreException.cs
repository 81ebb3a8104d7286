namespace Course.Notebooks.Packages;

/// <summary>A restore failed; the message is one line naming the package, the version asked and the sources tried.</summary>
public sealed class PackageRestoreException(string message) : Exception(message);
