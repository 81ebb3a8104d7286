using Course.Generative;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Generative;

/// <summary>The GAN losses (seed 001, "GAN Training") against their formulas, binary_cross_entropy(_with_logits) and autograd.</summary>
public sealed class GanLossesTests
{
    private static float Value(Tensor t) => t.item<float>();

    [Fact]
    public void DiscriminatorLossIsBinaryCrossEntropyWithRealOneAndFakeZero()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        var dReal = rand(300);
        var dFake = rand(200);
        var reference = nn.functional.binary_cross_entropy(dReal, ones(300)) + nn.functional.binary_cross_entropy(dFake, zeros(200));
        Assert.Equal(Value(reference), Value(GanLosses.Discriminator(dReal, dFake)), 4);
    }

    [Fact]
    public void DiscriminatorLossMatchesTheFormulaOnHandNumbers()
    {
        using var scope = NewDisposeScope();
        var loss = GanLosses.Discriminator(tensor(new[] { 0.9f, 0.6f }), tensor(new[] { 0.2f, 0.5f }));
        double expected = -(Math.Log(0.9) + Math.Log(0.6)) / 2 - (Math.Log(0.8) + Math.Log(0.5)) / 2;
        Assert.Equal(expected, Value(loss), 5);
    }

    [Fact]
    public void DiscriminatorLossAtOneHalfIsTwoLogTwo()
    {
        using var scope = NewDisposeScope();
        Assert.Equal(2 * Math.Log(2), Value(GanLosses.Discriminator(full(10, 0.5f), full(7, 0.5f))), 5);
    }

    [Fact]
    public void CertainWrongDiscriminatorIsClampedLikePyTorch()
    {
        using var scope = NewDisposeScope();
        Assert.Equal(200f, Value(GanLosses.Discriminator(zeros(3), ones(3))), 3);
    }

    [Fact]
    public void GeneratorLossesMatchTheirFormulasAndBinaryCrossEntropy()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        var dFake = rand(100) * 0.98 + 0.01;
        Assert.Equal(Value(dFake.log().mean().neg()), Value(GanLosses.GeneratorNonSaturating(dFake)), 5);
        Assert.Equal(Value((1 - dFake).log().mean()), Value(GanLosses.GeneratorSaturating(dFake)), 5);
        Assert.Equal(Value(nn.functional.binary_cross_entropy(dFake, ones(100))), Value(GanLosses.GeneratorNonSaturating(dFake)), 4);
        Assert.Equal(-Value(nn.functional.binary_cross_entropy(dFake, zeros(100))), Value(GanLosses.GeneratorSaturating(dFake)), 4);
    }

    [Fact]
    public void LogitVersionsEqualTheProbabilityVersionsAndBceWithLogits()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var real = randn(64) * 3;
        var fake = randn(64) * 3;
        Assert.Equal(Value(GanLosses.Discriminator(real.sigmoid(), fake.sigmoid())), Value(GanLosses.DiscriminatorFromLogits(real, fake)), 4);
        var bce = nn.functional.binary_cross_entropy_with_logits(real, ones(64)) + nn.functional.binary_cross_entropy_with_logits(fake, zeros(64));
        Assert.Equal(Value(bce), Value(GanLosses.DiscriminatorFromLogits(real, fake)), 4);
        Assert.Equal(Value(GanLosses.GeneratorNonSaturating(fake.sigmoid())), Value(GanLosses.GeneratorNonSaturatingFromLogits(fake)), 4);
        Assert.Equal(Value(GanLosses.GeneratorSaturating(fake.sigmoid())), Value(GanLosses.GeneratorSaturatingFromLogits(fake)), 4);
    }

    [Fact]
    public void LogitVersionsStayFiniteForHugeLogits()
    {
        using var scope = NewDisposeScope();
        Assert.Equal(300f, Value(GanLosses.GeneratorNonSaturatingFromLogits(tensor(new[] { -300f }))), 2);
        Assert.Equal(-300f, Value(GanLosses.GeneratorSaturatingFromLogits(tensor(new[] { 300f }))), 2);
    }

    [Theory]
    [InlineData(0.001)]
    [InlineData(0.1)]
    [InlineData(0.5)]
    public void GradientsWithRespectToTheLogitAreMinusDAndMinusOneMinusD(double d)
    {
        using var scope = NewDisposeScope();
        var l = tensor(new[] { (float)Math.Log(d / (1 - d)) }, requires_grad: true);
        var saturating = autograd.grad([GanLosses.GeneratorFromLogits(GeneratorLoss.Saturating, l)], [l])[0].item<float>();
        var nonSaturating = autograd.grad([GanLosses.GeneratorFromLogits(GeneratorLoss.NonSaturating, l)], [l])[0].item<float>();
        Assert.Equal(-d, saturating, 4);            // vanishes as the discriminator wins
        Assert.Equal(-(1 - d), nonSaturating, 4);   // tends to −1
    }

    [Fact]
    public void ProbabilitiesOutsideZeroOneAreRejectedNamingTheRange()
    {
        using var scope = NewDisposeScope();
        var ex = Assert.Throws<ArgumentException>(() => GanLosses.Discriminator(tensor(new[] { 0.5f, 1.5f }), tensor(new[] { 0.5f })));
        Assert.Contains("dReal", ex.Message);
        Assert.Contains("1.5", ex.Message);
        Assert.Throws<ArgumentException>(() => GanLosses.GeneratorSaturating(tensor(new[] { -0.1f })));
    }

    [Fact]
    public void EmptyBatchesAreRejected()
    {
        using var scope = NewDisposeScope();
        var ex = Assert.Throws<ArgumentException>(() => GanLosses.DiscriminatorFromLogits(zeros(0), zeros(3)));
        Assert.Contains("empty", ex.Message);
        Assert.Throws<ArgumentException>(() => GanLosses.GeneratorNonSaturating(zeros(0)));
    }
}
