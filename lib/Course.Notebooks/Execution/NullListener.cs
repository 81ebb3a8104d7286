namespace Course.Notebooks.Execution;

/// <summary>A listener that ignores everything.</summary>
public sealed class NullListener : IExecutionListener
{
    /// <summary>The shared instance.</summary>
    public static readonly NullListener Instance = new();
}
