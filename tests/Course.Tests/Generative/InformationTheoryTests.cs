using Course.Generative;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Generative;

/// <summary>Entropy, cross-entropy and KL of discrete distributions (seed 003), against hand values, TorchSharp's kl_div and the lecture's identity.</summary>
public sealed class InformationTheoryTests
{
    public static TheoryData<double[], double[]> Pairs => new()
    {
        { [0.5, 0.5], [0.9, 0.1] },
        { [0.5, 0.25, 0.125, 0.125], [0.1, 0.4, 0.1, 0.4] },
        { [0.7, 0.2, 0.1], [1.0 / 3, 1.0 / 3, 1.0 / 3] },
        { [1.0, 0.0, 0.0], [0.2, 0.3, 0.5] },
        { [0.0, 0.6, 0.4], [0.6, 0.0, 0.4] },
    };

    [Theory]
    [InlineData(new[] { 0.5, 0.5 }, 1.0)]
    [InlineData(new[] { 0.5, 0.25, 0.125, 0.125 }, 1.75)]
    [InlineData(new[] { 0.25, 0.25, 0.25, 0.25 }, 2.0)]
    [InlineData(new[] { 1.0, 0.0 }, 0.0)]
    public void EntropyInBitsMatchesHandValues(double[] p, double bits) =>
        Assert.Equal(bits, InformationTheory.Entropy(p, logBase: 2), 12);

    [Fact]
    public void EntropyOfAFairCoinIsLnTwoNats() =>
        Assert.Equal(Math.Log(2), InformationTheory.Entropy([0.5, 0.5]), 12);

    [Theory]
    [InlineData(0.5, 1.0)]
    [InlineData(0.125, 3.0)]
    [InlineData(1.0, 0.0)]
    public void InformationOfARareOutcomeIsLarger(double p, double bits) =>
        Assert.Equal(bits, InformationTheory.Information(p, logBase: 2), 12);

    [Theory]
    [MemberData(nameof(Pairs))]
    public void CrossEntropyIsEntropyPlusKl(double[] p, double[] q)
    {
        var h = InformationTheory.Entropy(p);
        var kl = InformationTheory.KlDivergence(p, q);
        var crossEntropy = InformationTheory.CrossEntropy(p, q);
        if (double.IsPositiveInfinity(crossEntropy)) Assert.True(double.IsPositiveInfinity(kl));
        else Assert.Equal(crossEntropy, h + kl, 12);
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void KlMatchesTorchKlDiv(double[] p, double[] q)
    {
        if (p.Zip(q).Any(pq => pq.First > 0 && pq.Second == 0)) return;   // kl_div gives ∞ too, but as NaN·0 on some builds
        var reference = nn.functional.kl_div(tensor(q).log(), tensor(p), reduction: nn.Reduction.Sum, log_target: false).item<double>();
        Assert.Equal(reference, InformationTheory.KlDivergence(p, q), 10);
    }

    [Fact]
    public void KlIsInfiniteWhenQMissesAnOutcomeOfP() =>
        Assert.True(double.IsPositiveInfinity(InformationTheory.KlDivergence([0.5, 0.5], [1.0, 0.0])));

    [Fact]
    public void KlIsNotSymmetric() =>
        Assert.NotEqual(InformationTheory.KlDivergence([0.9, 0.1], [0.5, 0.5]), InformationTheory.KlDivergence([0.5, 0.5], [0.9, 0.1]), 3);

    [Fact]
    public void KlIsZeroForEqualAndPositiveForDifferentRandomDistributions()
    {
        var random = new Random(3);
        for (int trial = 0; trial < 50; trial++)
        {
            var p = Normalised(random, 5);
            var q = Normalised(random, 5);
            Assert.Equal(0, InformationTheory.KlDivergence(p, p), 12);
            Assert.True(InformationTheory.KlDivergence(p, q) > 0);
            Assert.True(InformationTheory.CrossEntropy(p, q) > InformationTheory.Entropy(p));
        }
    }

    [Fact]
    public void ProbabilitiesThatDoNotSumToOneAreAnErrorNamingTheSum()
    {
        var e = Assert.Throws<ArgumentException>(() => InformationTheory.Entropy([0.5, 0.6]));
        Assert.Contains("1.1", e.Message);
    }

    [Fact]
    public void NegativeProbabilitiesAreAnErrorNamingTheEntry()
    {
        var e = Assert.Throws<ArgumentException>(() => InformationTheory.CrossEntropy([0.5, 0.5], [1.5, -0.5]));
        Assert.Contains("q[0] = 1.5", e.Message);
    }

    [Fact]
    public void DifferentLengthsAreAnError() =>
        Assert.Contains("3 outcomes but q has 2", Assert.Throws<ArgumentException>(() => InformationTheory.KlDivergence([0.2, 0.3, 0.5], [0.5, 0.5])).Message);

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.0)]
    [InlineData(-2.0)]
    public void BadLogBasesAreAnError(double logBase) =>
        Assert.Throws<ArgumentException>(() => InformationTheory.Entropy([1.0], logBase));

    [Fact]
    public void InformationOfAnImpossibleOutcomeIsAnError() =>
        Assert.Throws<ArgumentException>(() => InformationTheory.Information(0));

    private static double[] Normalised(Random random, int n)
    {
        var v = Enumerable.Range(0, n).Select(_ => random.NextDouble() + 0.01).ToArray();
        var sum = v.Sum();
        return v.Select(x => x / sum).ToArray();
    }
}
