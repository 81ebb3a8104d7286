namespace Course.Notebooks.Document;

/// <summary>One nbformat output of a code cell.</summary>
/// <remarks>nbformat 4.5 output types: stream, display_data, execute_result, error.</remarks>
public abstract record CellOutput;
