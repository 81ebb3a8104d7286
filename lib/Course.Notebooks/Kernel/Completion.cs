namespace Course.Notebooks.Kernel;

/// <summary>What <see cref="CodeIntelligence.Complete"/> found: matches for the identifier being typed; cursor positions in code points.</summary>
public sealed record Completion(IReadOnlyList<string> Matches, int CursorStart, int CursorEnd);
