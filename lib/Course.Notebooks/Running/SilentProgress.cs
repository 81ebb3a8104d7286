namespace Course.Notebooks.Running;

/// <summary>Progress that reports nothing.</summary>
public sealed class SilentProgress : IRunProgress
{
    /// <summary>The shared instance.</summary>
    public static readonly SilentProgress Instance = new();
}
