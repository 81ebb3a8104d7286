namespace Course.Notebooks.Document;

/// <summary>The value of the cell's last bare expression.</summary>
public sealed record ExecuteResultOutput(IReadOnlyDictionary<string, string> Data, int ExecutionCount) : CellOutput;
