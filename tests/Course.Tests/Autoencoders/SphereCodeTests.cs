using Course.Autoencoders;
using Course.Native;
using Course.Tests.Training;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Autoencoders;

/// <summary>Codes on a sphere (for deep clustering, seed 004): lengths, directions, gradients, and that a large λ cannot shrink them.</summary>
[Collection(nameof(DeepClusteringTests))]
public sealed class SphereCodeTests
{
    public SphereCodeTests() => TorchNative.EnsureLoaded();

    [Fact]
    public void EveryCodeHasTheRadiusAndKeepsItsDirection()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        var u = randn(7, 3) * 10;
        var h = new SphereCode(2.5).call(u);
        Assert.True(h.norm(1).allclose(full(7, 2.5f), 1e-5, 1e-5));
        for (int i = 0; i < 7; i++)
            for (int j = 0; j < 3; j++)
                Assert.Equal(2.5 * u[i, j].item<float>() / Math.Sqrt(u[i].square().sum().item<float>()), h[i, j].item<float>(), 4);
    }

    [Fact]
    public void AZeroRowStaysZero()
    {
        using var scope = NewDisposeScope();
        var h = new SphereCode().call(zeros(2, 4));
        Assert.Equal(0f, h.abs().max().item<float>());
    }

    [Fact]
    public void TheGradientOfTheLengthIsZero()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        var u = randn(4, 5, requires_grad: true);
        var grad = autograd.grad([new SphereCode(3).call(u).square().sum()], [u])[0];     // Σ‖h_i‖² = 4 · 9 whatever u is
        Assert.True(grad.abs().max().item<float>() < 1e-5);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void ARadiusThatIsNotPositiveIsRejected(double radius) =>
        Assert.Contains("radius", Assert.Throws<ArgumentOutOfRangeException>(() => new SphereCode(radius)).Message);

    [Fact]
    public void TheAutoencoderEncodesOntoTheSphereAndSaysSo()
    {
        using var scope = NewDisposeScope();
        var net = new Autoencoder([784, 32, 6], codeRadius: 5);
        Assert.True(net.Encode(rand(9, 784)).norm(1).allclose(full(9, 5f), 1e-4, 1e-4));
        Assert.Equal(5.0, net.CodeRadius);
        Assert.Contains("sphere of radius 5", net.ToString());
        Assert.Null(new Autoencoder().CodeRadius);
    }

    [Fact]
    public void ALargeLambdaPullsCodesTogetherWithoutShrinkingThem()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var (points, _) = Blobs.Make(200, 14);
        var X = (points + 4) / 8;                                                             // (200, 2) in [0, 1]
        var net = new Autoencoder([2, 16, 2], codeRadius: 1);
        var result = DeepClustering.Fit(net, X, optim.Adam(net.parameters(), 1e-2),
            new DeepClusteringConfig(NumClusters: 4, Lambda: 100, NumRounds: 3, BatchSize: 50));
        var lengths = DeepClustering.Codes(net, X).norm(1);
        Assert.True(lengths.allclose(ones(200), 1e-4, 1e-4), $"code lengths from {lengths.min().item<float>()} to {lengths.max().item<float>()}");
        double startTerm = result.Start.Inertia / 200;
        Assert.True(result.Rounds[^1].ClusterTerm < startTerm, $"cluster term {result.Rounds[^1].ClusterTerm} after the rounds vs {startTerm} at the start");
    }
}
