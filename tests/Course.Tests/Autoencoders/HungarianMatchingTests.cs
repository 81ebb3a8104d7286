using Course.Autoencoders;
using Xunit;

namespace Course.Tests.Autoencoders;

/// <summary>The Hungarian algorithm against a known 3×3 case and against trying every permutation.</summary>
public sealed class HungarianMatchingTests
{
    [Fact]
    public void TheClassicThreeByThreeCaseCostsFive()
    {
        var cost = new double[,] { { 4, 1, 3 }, { 2, 0, 5 }, { 3, 2, 2 } };
        Assert.Equal(new[] { 1, 0, 2 }, HungarianMatching.Minimize(cost));                 // 1 + 2 + 2 = 5
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void MatchesTheBestOfAllPermutations(int seed)
    {
        var random = new Random(seed);
        int n = 6;
        var cost = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) cost[i, j] = random.Next(10);                       // small integers: many ties
        var matching = HungarianMatching.Minimize(cost);
        Assert.Equal(n, matching.Distinct().Count());
        double best = Permutations(Enumerable.Range(0, n).ToArray()).Min(p => Enumerable.Range(0, n).Sum(i => cost[i, p[i]]));
        Assert.Equal(best, Enumerable.Range(0, n).Sum(i => cost[i, matching[i]]));
    }

    [Fact]
    public void MoreColumnsThanRowsUsesTheCheapestColumns()
    {
        var cost = new double[,] { { 5, 1, 9 }, { 6, 2, 1 } };
        Assert.Equal(new[] { 1, 2 }, HungarianMatching.Minimize(cost));
    }

    [Fact]
    public void MoreRowsThanColumnsLeavesTheDearestRowUnmatched()
    {
        var cost = new double[,] { { 5, 1 }, { 1, 6 }, { 9, 9 } };
        Assert.Equal(new[] { 1, 0, -1 }, HungarianMatching.Minimize(cost));
    }

    [Fact]
    public void MaximizePicksTheLargestTotal()
    {
        var score = new double[,] { { 10, 0, 1 }, { 9, 8, 0 }, { 0, 0, 3 } };
        Assert.Equal(new[] { 0, 1, 2 }, HungarianMatching.Maximize(score));                // 10 + 8 + 3 = 21
    }

    [Fact]
    public void NaNCostsAreRejected() =>
        Assert.Throws<ArgumentException>(() => HungarianMatching.Minimize(new double[,] { { double.NaN } }));

    private static IEnumerable<int[]> Permutations(int[] items)
    {
        if (items.Length <= 1) { yield return items; yield break; }
        for (int i = 0; i < items.Length; i++)
            foreach (var rest in Permutations(items.Where((_, k) => k != i).ToArray()))
                yield return [items[i], .. rest];
    }
}
