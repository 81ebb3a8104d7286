using Course.Data;
using Xunit;

namespace Course.Tests.Data;

/// <summary>The stratified split on the bundled labels and on small hand-made label lists.</summary>
public sealed class StratifiedSplitTests
{
    private static readonly int[] bundledLabels = Mnist.ReadBytes(MnistBytesTests.BundledFolder).Labels.Select(b => (int)b).ToArray();

    [Theory]
    [InlineData(8000, 2000)]
    [InlineData(5000, 1000)]
    [InlineData(1000, 9000)]
    [InlineData(123, 45)]
    [InlineData(10, 10)]
    [InlineData(0, 2000)]
    public void EveryClassIsWithinOneOfItsProportionalShare(int trainCount, int testCount)
    {
        var (train, test) = StratifiedSplit.Indices(bundledLabels, trainCount, testCount, seed: 0);

        Assert.Equal(trainCount, train.Length);
        Assert.Equal(testCount, test.Length);
        for (int digit = 0; digit <= 9; digit++)
        {
            double share = bundledLabels.Count(l => l == digit) / (double)bundledLabels.Length;
            Assert.InRange(train.Count(i => bundledLabels[i] == digit), trainCount * share - 1, trainCount * share + 1);
            Assert.InRange(test.Count(i => bundledLabels[i] == digit), testCount * share - 1, testCount * share + 1);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(42)]
    public void TheSameSeedGivesTheSameIndices(int seed)
    {
        var first = StratifiedSplit.Indices(bundledLabels, 8000, 2000, seed);
        var second = StratifiedSplit.Indices(bundledLabels, 8000, 2000, seed);

        Assert.Equal(first.Train, second.Train);
        Assert.Equal(first.Test, second.Test);
    }

    [Fact]
    public void SeedZeroGivesTheRecordedIndices()
    {
        // Pinned so a change of shuffle or apportioning (which would silently change every notebook's numbers) is noticed.
        var (train, test) = StratifiedSplit.Indices(bundledLabels, 8000, 2000, seed: 0);

        Assert.Equal(SeedZeroTestHead, test[..10]);
        Assert.Equal(SeedZeroTestTail, test[^5..]);
        Assert.Equal(SeedZeroTrainSum, train.Sum(i => (long)i));
    }

    private static readonly int[] SeedZeroTestHead = [5, 7, 11, 13, 16, 23, 24, 26, 27, 33];
    private static readonly int[] SeedZeroTestTail = [9986, 9988, 9989, 9993, 9998];
    private const long SeedZeroTrainSum = 39_928_717;

    [Fact]
    public void DifferentSeedsGiveDifferentSplits()
    {
        var zero = StratifiedSplit.Indices(bundledLabels, 8000, 2000, seed: 0);
        var one = StratifiedSplit.Indices(bundledLabels, 8000, 2000, seed: 1);

        Assert.NotEqual(zero.Test, one.Test);
        Assert.InRange(zero.Test.Intersect(one.Test).Count(), 200, 800); // about 2000 · 0.2 shared by chance
    }

    [Theory]
    [InlineData(8000, 2000)]
    [InlineData(9999, 1)]
    [InlineData(3, 9997)]
    public void TrainAndTestAreDisjointSortedAndInRange(int trainCount, int testCount)
    {
        var (train, test) = StratifiedSplit.Indices(bundledLabels, trainCount, testCount, seed: 7);

        Assert.Empty(train.Intersect(test));
        Assert.Equal(train.Order(), train);
        Assert.Equal(test.Order(), test);
        Assert.Equal(trainCount + testCount, train.Concat(test).Distinct().Count(i => i >= 0 && i < bundledLabels.Length));
    }

    [Fact]
    public void UsingEveryExampleStillStaysWithinOneOfProportional()
    {
        int[] labels = [.. Enumerable.Repeat(0, 7), .. Enumerable.Repeat(1, 5), .. Enumerable.Repeat(2, 3)];

        var (train, test) = StratifiedSplit.Indices(labels, 8, 7, seed: 3);

        Assert.Equal(15, train.Length + test.Length);
        Assert.Equal(Enumerable.Range(0, 15), train.Concat(test).Order());
        foreach (var (digit, size) in new[] { (0, 7), (1, 5), (2, 3) })
            Assert.InRange(train.Count(i => labels[i] == digit), 8.0 * size / 15 - 1, 8.0 * size / 15 + 1);
    }

    [Theory]
    [InlineData(8001, 2000)]
    [InlineData(-1, 10)]
    [InlineData(10, -1)]
    public void CountsThatDoNotFitThrowNamingThem(int trainCount, int testCount)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => StratifiedSplit.Indices(bundledLabels, trainCount, testCount));

        Assert.Contains($"Split(trainCount: {trainCount}, testCount: {testCount})", error.Message);
    }
}
