using Course.Generative;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Generative;

/// <summary>The ring of Gaussians (Metz et al. 2017) and mode counting (VEEGAN's 3σ, 2% rule) on seeded and hand-made samples.</summary>
public sealed class RingAndCoverageTests
{
    [Fact]
    public void CentresLieEvenlyOnTheCircle()
    {
        var ring = new RingOfGaussians(8, 2, 0.02);
        Assert.Equal(8, ring.CentreList.Count);
        Assert.All(ring.CentreList, c => Assert.Equal(2, Math.Sqrt(c.X * c.X + c.Y * c.Y), 9));
        Assert.Equal(Math.Sqrt(2), ring.CentreList[1].X, 9);
        Assert.Equal(new long[] { 8, 2 }, ring.Centres().shape);
    }

    [Fact]
    public void SamplesHaveTheRingsStatistics()
    {
        using var scope = NewDisposeScope();
        var ring = new RingOfGaussians(8, 2, 0.05);
        var (x, mode) = ring.Sample(40_000, new torch.Generator(5));
        Assert.Equal(new long[] { 40_000, 2 }, x.shape);
        var offsets = x - ring.Centres().index_select(0, mode);                     // (N, 2): should be N(0, σ²)
        Assert.Equal(0.05, offsets.std().item<float>(), 2);
        Assert.True(offsets.mean().abs().item<float>() < 0.002);
        Assert.True(x.mean(new long[] { 0 }).abs().max().item<float>() < 0.05);    // the ring is centred at 0
        var perMode = bincount(mode, minlength: 8).to_type(ScalarType.Float32) / 40_000;
        Assert.True((perMode - 0.125).abs().max().item<float>() < 0.01);              // modes equally likely
    }

    [Fact]
    public void SameGeneratorSeedSameSamples()
    {
        using var scope = NewDisposeScope();
        var ring = new RingOfGaussians();
        Assert.True(ring.Sample(10, new torch.Generator(3)).X.allclose(ring.Sample(10, new torch.Generator(3)).X, 0, 0));
    }

    [Fact]
    public void RealRingSamplesCoverEveryMode()
    {
        using var scope = NewDisposeScope();
        var ring = new RingOfGaussians();
        var coverage = ModeCoverage.OfRing(ring.Sample(1000, new torch.Generator(1)).X, ring);
        Assert.Equal(8, coverage.Covered);
        Assert.InRange(coverage.InModes, 0.98, 1.0);                                  // 3σ in 2-D holds 98.9%
    }

    [Fact]
    public void HandMadeSamplesCountOnlyModesWithTwoPercentWithinThreeSigma()
    {
        using var scope = NewDisposeScope();
        var ring = new RingOfGaussians(4, 1, 0.1);                                    // centres (1,0), (0,1), (−1,0), (0,−1)
        var c = ring.Centres();
        var samples = cat(new[]
        {
            c[..1].expand(60, 2),                                                      // 60 on mode 0
            c[1..2].expand(20, 2) + tensor(new[] { 0.29f, 0f }),                      // 20 at 2.9σ from mode 1
            c[2..3].expand(19, 2) + tensor(new[] { 0f, 0.31f }),                      // 19 at 3.1σ from mode 2: outside
            full(1, 2, 5f),                                                            // 1 far away
        });
        var coverage = ModeCoverage.OfRing(samples, ring);
        Assert.Equal(new long[] { 60, 20, 0, 0 }, coverage.Counts);
        Assert.Equal(2, coverage.Covered);
        Assert.Equal(0.8, coverage.InModes, 9);
        Assert.Equal(1, ModeCoverage.OfRing(samples, ring, minFraction: 0.3).Covered);
    }

    [Fact]
    public void ExactlyTwoPercentCounts()
    {
        var exactly = new ModeCoverage(new long[] { 980, 20, 19 }, 1000, 0.02);
        Assert.Equal(2, exactly.Covered);
    }

    [Fact]
    public void ClassesCountOnlyConfidentSamples()
    {
        using var scope = NewDisposeScope();
        var p = tensor(new float[]
        {
            0.95f, 0.05f, 0f,
            0.95f, 0.05f, 0f,
            0.05f, 0.95f, 0f,
            0.1f, 0.1f, 0.8f,     // not confident: left out
        }, new long[] { 4, 3 });
        var coverage = ModeCoverage.OfClasses(p, minConfidence: 0.9, minFraction: 0.4);
        Assert.Equal(new long[] { 2, 1, 0 }, coverage.Counts);
        Assert.Equal(3, coverage.Total);
        Assert.Equal(1, coverage.Covered);                                             // 1/3 < 40%
        Assert.Equal(2, ModeCoverage.OfClasses(p, 0.9, 0.3).Covered);
        Assert.Equal(3, ModeCoverage.OfClasses(p, 0.5, 0.2).Covered);
    }

    [Fact]
    public void BadInputIsRejectedNamingTheShape()
    {
        using var scope = NewDisposeScope();
        var ring = new RingOfGaussians();
        var ex = Assert.Throws<ArgumentException>(() => ModeCoverage.OfRing(zeros(10, 3), ring));
        Assert.Contains("(10, 3)", ex.Message);
        Assert.Throws<ArgumentException>(() => ModeCoverage.OfRing(zeros(10, 2), ring, minFraction: 0));
        Assert.Throws<ArgumentException>(() => ModeCoverage.OfClasses(randn(5, 3) * 10));
        Assert.Throws<ArgumentException>(() => ModeCoverage.OfClasses(zeros(5)));
        Assert.Throws<ArgumentException>(() => new RingOfGaussians(0));
        Assert.Throws<ArgumentException>(() => new RingOfGaussians(8, 2, -0.1));
        Assert.Throws<ArgumentException>(() => ring.Sample(-1));
    }
}
