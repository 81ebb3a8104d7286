using Xunit.Abstractions;

[assembly: Xunit.TestCollectionOrderer("Course.Notebooks.Tests.Support.HeaviestFirst", "Course.Notebooks.Tests")]

namespace Course.Notebooks.Tests.Support;

/// <summary>Starts the test classes that execute course notebooks first, the quick ones after them.</summary>
/// <remarks>
/// Classes start in the order given here, five at a time (xunit.runner.json). In xunit's own order the notebook classes (a minute or more
/// each) could start last and finish alone on an otherwise idle machine: measured, 36 s of the suite's end ran one
/// grading half by itself. Longest first leaves the short classes to fill the cores at the end.
/// </remarks>
public sealed class HeaviestFirst : Xunit.ITestCollectionOrderer
{
    /// <summary>Class names (as in the collection's display name) of the heavy classes, or names of heavy collections, heaviest first.</summary>
    private static readonly string[] heavy =
    [
        "NotebookGradingTests+", "NotebookRunTests+", "NotebookKernelTests+", "GradingAttackTests", "ParallelGradingTests",
        "GraderTests", "JupyterHubTests", "RunCommandTests", "KernelConformanceTests", nameof(Packages.TinyFeed),
    ];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(Rank).ThenBy(c => c.DisplayName, StringComparer.Ordinal);

    private static int Rank(ITestCollection collection)
    {
        var index = Array.FindIndex(heavy, name => collection.DisplayName == name || collection.DisplayName.Contains("." + name, StringComparison.Ordinal));
        return index < 0 ? heavy.Length : index;
    }
}
