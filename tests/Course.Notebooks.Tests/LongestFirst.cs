using Xunit.Abstractions;
using Xunit.Sdk;

namespace Course.Notebooks.Tests;

/// <summary>Starts the longest test classes first, so the suite does not end waiting on one of them alone.</summary>
/// <remarks>
/// Four classes run at a time (xunit.runner.json). The course's notebooks run in this process one at a time
/// (<see cref="Support.CourseRuns"/>), so <see cref="Notebooks.NotebookRunTests"/> is the longest chain and goes first;
/// grading and nbconvert of the notebooks, which wait on other processes, fill the remaining slots. Other classes keep
/// xunit's order behind them.
/// </remarks>
public sealed class LongestFirst : ITestCollectionOrderer
{
    private static readonly string[] first =
    [
        "NotebookRunTests", "NotebookGradingTests+Even", "NotebookGradingTests+Odd", "NotebookKernelTests+Odd", "NotebookKernelTests+Even",
        "GraderTests", "GradingAttackTests",
    ];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.Select((c, i) => (Collection: c, Index: i))
            .OrderBy(x => Rank(x.Collection.DisplayName)).ThenBy(x => x.Index)
            .Select(x => x.Collection);

    private static int Rank(string displayName)
    {
        var index = Array.FindIndex(first, name => displayName.EndsWith("." + name, StringComparison.Ordinal));
        return index < 0 ? first.Length : index;
    }
}
