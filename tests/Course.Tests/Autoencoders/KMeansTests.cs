using Course.Autoencoders;
using Course.Native;
using Course.Tests.Training;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Autoencoders;

/// <summary>k-means (seed 004: "without step 1 it is just k-means") on separable blobs and against loop references.</summary>
public sealed class KMeansTests
{
    public KMeansTests() => TorchNative.EnsureLoaded();

    [Fact]
    public void FourSeparableBlobsAreFoundExactly()
    {
        using var scope = NewDisposeScope();
        var (X, y) = Blobs.Make(400, 11);
        var kmeans = KMeans.Fit(X, 4, seed: 0);
        Assert.Equal(1.0, ClusteringScores.Accuracy(kmeans.Assignments, y));
        var centres = kmeans.Centroids.abs();                                          // each near (±3, ±3)
        Assert.True((centres - 3).abs().max().item<float>() < 0.2);
    }

    [Fact]
    public void TheSameSeedGivesTheSameClusters()
    {
        using var scope = NewDisposeScope();
        var (X, _) = Blobs.Make(200, 12);
        var a = KMeans.Fit(X, 6, seed: 3, numInit: 1);
        var b = KMeans.Fit(X, 6, seed: 3, numInit: 1);
        Assert.True(a.Assignments.eq(b.Assignments).all().item<bool>());
    }

    [Fact]
    public void SquaredDistancesMatchALoop()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        var X = randn(5, 3);
        var C = randn(4, 3);
        var d = KMeans.SquaredDistances(X, C);
        for (int i = 0; i < 5; i++)
            for (int j = 0; j < 4; j++)
                Assert.Equal((X[i] - C[j]).square().sum().item<float>(), d[i, j].item<float>(), 4);
    }

    [Fact]
    public void SquaredDistancesAcrossRowBlocksMatchTheDirectDifference()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        var X = randn(2 * KMeans.RowsPerChunk + 7, 5);                                   // three row blocks, the last one short
        var C = randn(3, 5);
        var direct = (X.unsqueeze(1) - C.unsqueeze(0)).square().sum(2);                   // (N, 3) from the differences themselves
        Assert.True(KMeans.SquaredDistances(X, C).allclose(direct, rtol: 1e-4, atol: 1e-4));
    }

    [Fact]
    public void FitKeepsTheBestStartsCentroidsAndAssignmentsConsistent()
    {
        using var scope = NewDisposeScope();
        var (X, _) = Blobs.Make(300, 15);
        var kmeans = KMeans.Fit(X, 5, seed: 1, numInit: 6);                               // several starts, the best kept
        Assert.True(kmeans.Assignments.eq(KMeans.Assign(X, kmeans.Centroids)).all().item<bool>(), "each point in its nearest centroid's cluster");
        var inertia = KMeans.SquaredDistances(X, kmeans.Centroids).gather(1, kmeans.Assignments.unsqueeze(1)).sum().item<float>();
        Assert.Equal(inertia, kmeans.Inertia, 1e-3 * kmeans.Inertia);
    }

    [Fact]
    public void UpdateCentroidsTakesMeansAndKeepsAnEmptyClustersCentre()
    {
        using var scope = NewDisposeScope();
        var X = tensor(new float[] { 0, 0, 2, 0, 10, 10, 10, 12 }).reshape(4, 2);
        var assignments = tensor(new long[] { 0, 0, 2, 2 });
        var previous = tensor(new float[] { 9, 9, 5, 5, 9, 9 }).reshape(3, 2);
        var updated = KMeans.UpdateCentroids(X, assignments, previous);
        Assert.True(updated.allclose(tensor(new float[] { 1, 0, 5, 5, 10, 11 }).reshape(3, 2)));
    }

    [Fact]
    public void InertiaIsTheSumOfSquaredDistancesToTheAssignedCentroid()
    {
        using var scope = NewDisposeScope();
        var (X, _) = Blobs.Make(100, 13);
        var kmeans = KMeans.Fit(X, 4);
        double sum = 0;
        var a = kmeans.Assignments.data<long>().ToArray();
        for (int i = 0; i < 100; i++) sum += (X[i] - kmeans.Centroids[a[i]]).square().sum().item<float>();
        Assert.Equal(sum, kmeans.Inertia, 2);
        Assert.True(kmeans.Predict(X).eq(kmeans.Assignments).all().item<bool>());
    }

    [Fact]
    public void MoreStartsNeverEndWorse()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        var X = randn(300, 2);                                                          // no clusters: many local minima
        Assert.True(KMeans.Fit(X, 8, seed: 5, numInit: 5).Inertia <= KMeans.Fit(X, 8, seed: 5, numInit: 1).Inertia + 1e-6);
    }

    [Fact]
    public void MoreClustersThanPointsIsAnErrorNamingBoth()
    {
        var ex = Assert.Throws<ArgumentException>(() => KMeans.Fit(zeros(3, 2), 4));
        Assert.Contains("3", ex.Message);
        Assert.Contains("4", ex.Message);
    }
}
