namespace Course.Notebooks.Document;

/// <summary>A rich value shown with <c>display(x)</c>: a MIME bundle.</summary>
/// <param name="Data">MIME type → content (text, base64 image, or JSON for <c>*+json</c> types).</param>
/// <param name="DisplayId">The id that <c>Update</c> targets; not saved in the file (transient).</param>
public sealed record DisplayDataOutput(IReadOnlyDictionary<string, string> Data, string? DisplayId = null) : CellOutput;
