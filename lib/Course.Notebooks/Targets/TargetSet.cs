namespace Course.Notebooks.Targets;

/// <summary>Which of a notebook's two sets of targets a run is judged by.</summary>
/// <remarks>
/// <see cref="Default"/>: the full run (<c>"course": {"targets": …}</c>); <see cref="Test"/>: the short run of the
/// test suite (<c>"course": {"test": {"parameters": …, "targets": …}}</c>). Issue 15.
/// </remarks>
public enum TargetSet
{
    /// <summary>The targets of the full run with the notebook's own parameters.</summary>
    Default,

    /// <summary>The targets of the shortened run with the notebook's test parameters.</summary>
    Test,
}
