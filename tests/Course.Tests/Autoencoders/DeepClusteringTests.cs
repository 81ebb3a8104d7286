using Course.Autoencoders;
using Course.Native;
using Course.Tests.Training;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Autoencoders;

/// <summary>The deep-clustering objective (seed 004) against a loop and autograd, and the alternating algorithm on separable blobs.</summary>
[Collection(nameof(DeepClusteringTests))]   // seeded training on blobs: not while SphereCodeTests draws from the same generator
public sealed class DeepClusteringTests
{
    public DeepClusteringTests() => TorchNative.EnsureLoaded();

    [Fact]
    public void LossIsReconstructionPlusLambdaTimesDistanceToTheCentreAveragedOverTheBatch()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        var (x, z, h, c) = (rand(3, 4), rand(3, 4), randn(3, 2), randn(3, 2));
        double expected = 0;
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 4; j++) expected += Math.Pow(x[i, j].item<float>() - z[i, j].item<float>(), 2) / 3;
            for (int j = 0; j < 2; j++) expected += 0.5 * Math.Pow(h[i, j].item<float>() - c[i, j].item<float>(), 2) / 3;
        }
        Assert.Equal(expected, DeepClustering.Loss(x, z, h, c, 0.5).item<float>(), 5);
    }

    [Fact]
    public void TheGradientPullsEachCodeTowardsItsCentre()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        var x = rand(5, 3);
        var h = randn(5, 2, requires_grad: true);
        var c = randn(5, 2);
        var grad = autograd.grad([DeepClustering.Loss(x, x, h, c, 2.0)], [h])[0];
        Assert.True(grad.allclose(2.0 * 2 * (h.detach() - c) / 5, 1e-5, 1e-6));             // d/dh_i of λ/B Σ‖h − c‖²
    }

    [Fact]
    public void WithLambdaZeroItIsTheSummedSquaredErrorPerSample()
    {
        using var scope = NewDisposeScope();
        var (x, z) = (rand(6, 10), rand(6, 10));
        var expected = nn.functional.mse_loss(z, x) * 10;                                     // mean over pixels × D = sum per sample
        Assert.Equal(expected.item<float>(), DeepClustering.Loss(x, z, zeros(6, 2), ones(6, 2), 0).item<float>(), 1e-5);  // float32 sums
    }

    [Fact]
    public void FitClustersSeparableBlobsAndRecordsEveryRound()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var (points, y) = Blobs.Make(200, 14);
        var X = (points + 4) / 8;                                                             // into [0, 1] for the sigmoid output
        var net = new Autoencoder([2, 16, 2]);
        var optimizer = optim.Adam(net.parameters(), 1e-2);
        int seen = 0;
        var result = DeepClustering.Fit(net, X, optimizer, new DeepClusteringConfig(NumClusters: 4, Lambda: 0.1, NumRounds: 3, BatchSize: 50),
                                        onRound: _ => seen++);
        Assert.Equal(3, seen);
        Assert.Equal(3, result.Rounds.Count);
        Assert.Equal(new long[] { 4, 2 }, result.Centroids.shape);
        Assert.Equal(new long[] { 200 }, result.Assignments.shape);
        Assert.True(result.Assignments.ne(KMeans.Assign(DeepClustering.Codes(net, X), result.Centroids)).sum().item<long>() == 0,
                    "step 3 leaves every code with its nearest centre");
        Assert.True(ClusteringScores.Accuracy(result.Assignments, y) >= 0.95);
    }

    [Fact]
    public void EachRoundReportsTheTermsOfTheNetworkAndCentresItEndsWith()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        var (points, _) = Blobs.Make(300, 16);
        var X = (points + 4) / 8;
        var net = new Autoencoder([2, 16, 2]);
        var result = DeepClustering.Fit(net, X, optim.Adam(net.parameters(), 1e-2),
                                        new DeepClusteringConfig(NumClusters: 4, Lambda: 0.5, NumRounds: 2, BatchSize: 64));
        var last = result.Rounds[^1];
        using var noGrad = no_grad();
        net.eval();
        var codes = net.Encode(X);                                                             // (N, 2) after the last round
        var reconstruction = (X - net.Decode(codes)).square().sum(1).mean().item<float>();    // (1/N) Σ ‖x − g(f(x))‖²
        var clusterTerm = (codes - result.Centroids.index_select(0, result.Assignments)).square().sum(1).mean().item<float>();
        Assert.Equal(reconstruction, last.Reconstruction, 1e-5);
        Assert.Equal(clusterTerm, last.ClusterTerm, 1e-5);
    }

    [Fact]
    public void StepZeroKeepsTheBestOfNumInitKMeansStarts()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        var (points, _) = Blobs.Make(120, 15);
        var X = (points + 4) / 8;
        var net = new Autoencoder([2, 8, 2]);
        var result = DeepClustering.Fit(net, X, optim.Adam(net.parameters(), 1e-2), new DeepClusteringConfig(NumClusters: 4, NumRounds: 0, Seed: 7, NumInit: 5));
        var expected = KMeans.Fit(DeepClustering.Codes(net, X), 4, seed: 7, numInit: 5);
        Assert.Equal(expected.Inertia, result.Start.Inertia, 6);
        Assert.Empty(result.Rounds);
        var ex = Assert.Throws<ArgumentException>(() => DeepClustering.Fit(net, X, optim.Adam(net.parameters(), 1e-2), new DeepClusteringConfig(NumInit: 0)));
        Assert.Contains("NumInit ≥ 1", ex.Message);
    }

    [Fact]
    public void AStepZeroGivenByTheCallerIsUsedAsItIsAndMustFit()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        var (points, _) = Blobs.Make(120, 16);
        var X = (points + 4) / 8;
        var net = new Autoencoder([2, 8, 2]);
        var given = KMeans.Fit(DeepClustering.Codes(net, X), 4, seed: 3, numInit: 2);
        var result = DeepClustering.Fit(net, X, optim.Adam(net.parameters(), 1e-2), new DeepClusteringConfig(NumClusters: 4, NumRounds: 0), start: given);
        Assert.Same(given, result.Start);
        Assert.True(result.Assignments.eq(given.Assignments).all().item<bool>());
        var ex = Assert.Throws<ArgumentException>(() =>
            DeepClustering.Fit(net, X, optim.Adam(net.parameters(), 1e-2), new DeepClusteringConfig(NumClusters: 3, NumRounds: 0), start: given));
        Assert.Contains("4 clusters of 120 samples", ex.Message);
    }

    [Fact]
    public void MismatchedCodesAndCentresAreAnErrorNamingThem()
    {
        var ex = Assert.Throws<ArgumentException>(() => DeepClustering.Loss(zeros(2, 4), zeros(2, 4), zeros(2, 2), zeros(2, 3), 1));
        Assert.Contains("(2, 3)", ex.Message);
    }
}
