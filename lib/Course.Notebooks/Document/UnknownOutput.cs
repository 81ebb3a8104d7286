using System.Text.Json.Nodes;

namespace Course.Notebooks.Document;

/// <summary>An output kept exactly as read, for types this engine never produces.</summary>
public sealed record UnknownOutput(JsonObject Json) : CellOutput;
