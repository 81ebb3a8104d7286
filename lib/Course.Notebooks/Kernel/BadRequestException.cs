namespace Course.Notebooks.Kernel;

/// <summary>A signed message whose content does not fit the protocol (a number where a string belongs); answered with an error reply.</summary>
internal sealed class BadRequestException(string message) : Exception(message);
