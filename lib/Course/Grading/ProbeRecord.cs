namespace Course.Grading;

/// <summary>What one check reported while <c>course grade</c> ran a grade cell.</summary>
/// <param name="Check">The check's number within its grade cell (0, 1, …, in the order they are written).</param>
/// <param name="Kind">Equal, Close, Shape or That (key side only).</param>
/// <param name="Value">The actual value (student side) or the expected value (key side).</param>
/// <param name="Tolerance">The check's tolerance (key side only).</param>
/// <param name="What">The check's description (key side only).</param>
/// <param name="Error">Why no value could be reported (e.g. an array too large to check).</param>
/// <param name="KeyFailure">On the key side: the message when the key's own answer fails this check.</param>
public sealed record ProbeRecord(int Check, string? Kind, CheckValue? Value, double Tolerance, string? What, string? Error, string? KeyFailure);
