using Course.Autoencoders;
using Xunit;

namespace Course.Tests.Autoencoders;

/// <summary>Clustering accuracy (best renaming of clusters) and NMI on hand-made partitions (seed 004, deep clustering).</summary>
public sealed class ClusteringScoresTests
{
    [Fact]
    public void RenamedPerfectClustersScoreOne()
    {
        int[] labels = [0, 0, 1, 1, 2, 2];
        int[] clusters = [2, 2, 0, 0, 1, 1];
        Assert.Equal(1.0, ClusteringScores.Accuracy(clusters, labels));
        Assert.Equal(1.0, ClusteringScores.NormalizedMutualInformation(clusters, labels), 12);
        Assert.Equal(new[] { 1, 2, 0 }, ClusteringScores.BestMatching(clusters, labels));
    }

    [Fact]
    public void AccuracyCountsTheSamplesAgreeingUnderTheBestRenaming()
    {
        // Cluster 0 = {1, 1}, cluster 1 = {0, 0, 2}, cluster 2 = {2}: rename 0→1, 1→0, 2→2, so 5 of 6 agree.
        Assert.Equal(5.0 / 6, ClusteringScores.Accuracy([0, 0, 1, 1, 1, 2], [1, 1, 0, 0, 2, 2]), 12);
    }

    [Fact]
    public void AccuracyIsTheBestOverAllRenamings()
    {
        var random = new Random(7);
        var labels = Enumerable.Range(0, 60).Select(_ => random.Next(4)).ToArray();
        var clusters = labels.Select(y => random.NextDouble() < 0.6 ? (y + 1) % 4 : random.Next(4)).ToArray();
        double best = 0;
        foreach (var p in Permutations([0, 1, 2, 3]))
            best = Math.Max(best, Enumerable.Range(0, 60).Count(i => p[clusters[i]] == labels[i]) / 60.0);
        Assert.Equal(best, ClusteringScores.Accuracy(clusters, labels), 12);
    }

    [Fact]
    public void IndependentPartitionsHaveNmiZero() =>
        Assert.Equal(0.0, ClusteringScores.NormalizedMutualInformation([0, 1, 0, 1], [0, 0, 1, 1]), 12);

    [Fact]
    public void NmiOfAHandComputedCase()
    {
        // clusters {0,0,0 | 1} vs labels {0,0 | 1,1}: I = ½ ln 4/3 + ¼ ln 2/3 + ¼ ln 2, H(C) = −¾ ln ¾ − ¼ ln ¼, H(Y) = ln 2.
        double mutual = 0.5 * Math.Log(4.0 / 3) + 0.25 * Math.Log(2.0 / 3) + 0.25 * Math.Log(2);
        double hC = -0.75 * Math.Log(0.75) - 0.25 * Math.Log(0.25), hY = Math.Log(2);
        Assert.Equal(mutual / ((hC + hY) / 2), ClusteringScores.NormalizedMutualInformation([0, 0, 0, 1], [0, 0, 1, 1]), 12);
        Assert.Equal(0.3437, ClusteringScores.NormalizedMutualInformation([0, 0, 0, 1], [0, 0, 1, 1]), 4);
    }

    [Fact]
    public void ContingencyTableCountsPairs()
    {
        var table = ClusteringScores.ContingencyTable([0, 0, 1, 1, 1, 2], [1, 1, 0, 0, 2, 2]);
        Assert.Equal(new[,] { { 0, 2, 0 }, { 2, 0, 1 }, { 0, 0, 1 } }, table);
    }

    [Fact]
    public void TensorsGiveTheSameScores()
    {
        TorchSharp.torch.Tensor clusters = TorchSharp.torch.tensor(new long[] { 0, 0, 1, 1, 1, 2 });
        TorchSharp.torch.Tensor labels = TorchSharp.torch.tensor(new long[] { 1, 1, 0, 0, 2, 2 });
        Assert.Equal(5.0 / 6, ClusteringScores.Accuracy(clusters, labels), 12);
    }

    [Fact]
    public void DifferentLengthsAreAnErrorCountingBoth()
    {
        var ex = Assert.Throws<ArgumentException>(() => ClusteringScores.Accuracy([0, 1, 2], [0, 1]));
        Assert.Contains("3 cluster numbers and 2 labels", ex.Message);
    }

    private static IEnumerable<int[]> Permutations(int[] items)
    {
        if (items.Length <= 1) { yield return items; yield break; }
        for (int i = 0; i < items.Length; i++)
            foreach (var rest in Permutations(items.Where((_, k) => k != i).ToArray()))
                yield return [items[i], .. rest];
    }
}
