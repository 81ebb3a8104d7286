using Course.Losses;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Losses;

/// <summary>Bernoulli NLL is binary cross-entropy (seed 004), checked against TorchSharp's binary_cross_entropy(_with_logits) and autograd.</summary>
public sealed class BernoulliNllTests
{
    [Fact]
    public void PerSampleEqualsBinaryCrossEntropy()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        var p = rand(200);
        var y = (rand(200) > 0.5).to_type(ScalarType.Float32);
        var reference = nn.functional.binary_cross_entropy(p, y, reduction: nn.Reduction.None);
        Assert.True((BernoulliNll.PerSample(p, y) - reference).abs().max().item<float>() < 1e-5);
        Assert.Equal(nn.functional.binary_cross_entropy(p, y).item<float>(), BernoulliNll.Loss(p, y).item<float>(), 5);
    }

    [Fact]
    public void SoftTargetsAlsoMatch()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        var p = rand(100);
        var y = rand(100);
        var reference = nn.functional.binary_cross_entropy(p, y, reduction: nn.Reduction.None);
        Assert.True((BernoulliNll.PerSample(p, y) - reference).abs().max().item<float>() < 1e-5);
    }

    [Fact]
    public void CertainWrongPredictionsAreClampedLikePyTorch()
    {
        using var scope = NewDisposeScope();
        var p = tensor(new float[] { 0, 0, 1, 1 });
        var y = tensor(new float[] { 0, 1, 0, 1 });
        var reference = nn.functional.binary_cross_entropy(p, y, reduction: nn.Reduction.None);
        Assert.Equal(reference.data<float>().ToArray(), BernoulliNll.PerSample(p, y).data<float>().ToArray());
        Assert.Equal(new float[] { 0, 100, 100, 0 }, BernoulliNll.PerSample(p, y).data<float>().ToArray());
    }

    [Fact]
    public void FromLogitsEqualsBinaryCrossEntropyWithLogitsEvenForLargeLogits()
    {
        using var scope = NewDisposeScope();
        manual_seed(6);
        var z = randn(300) * 30;
        var y = (rand(300) > 0.5).to_type(ScalarType.Float32);
        var reference = nn.functional.binary_cross_entropy_with_logits(z, y, reduction: nn.Reduction.None);
        Assert.True((BernoulliNll.PerSampleFromLogits(z, y) - reference).abs().max().item<float>() < 1e-4);
    }

    [Fact]
    public void GradientWithRespectToLogitsIsSigmoidMinusLabel()
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        var z = randn(16, requires_grad: true);
        var y = (rand(16) > 0.5).to_type(ScalarType.Float32);
        var viaProbability = autograd.grad([BernoulliNll.Loss(z.sigmoid(), y)], [z])[0];
        var viaLogits = autograd.grad([BernoulliNll.PerSampleFromLogits(z, y).mean()], [z])[0];
        var analytic = (z.detach().sigmoid() - y) / 16;
        Assert.True((viaProbability - analytic).abs().max().item<float>() < 1e-5);
        Assert.True((viaLogits - analytic).abs().max().item<float>() < 1e-6);
    }

    [Fact]
    public void ProbabilitiesOutsideZeroOneAreAnErrorNamingTheRange()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ArgumentException>(() => BernoulliNll.PerSample(tensor(new float[] { -0.5f, 2f }), zeros(2)));
        Assert.Contains("-0.5", e.Message);
        Assert.Contains("2", e.Message);
    }

    [Fact]
    public void MismatchedShapesAreAnError()
    {
        using var scope = NewDisposeScope();
        Assert.Contains("(4)", Assert.Throws<ArgumentException>(() => BernoulliNll.PerSample(rand(4), zeros(5))).Message);
    }
}
