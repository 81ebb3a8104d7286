using Course.Losses;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Losses;

/// <summary>Categorical NLL under softmax is cross-entropy, checked against TorchSharp's cross_entropy, log_softmax and autograd.</summary>
public sealed class CategoricalNllTests
{
    [Fact]
    public void PerSampleEqualsCrossEntropy()
    {
        using var scope = NewDisposeScope();
        manual_seed(8);
        var logits = randn(128, 10) * 3;
        var y = randint(0, 10, [128]);
        var reference = nn.functional.cross_entropy(logits, y, reduction: nn.Reduction.None);
        Assert.True((CategoricalNll.PerSample(logits, y) - reference).abs().max().item<float>() < 1e-5);
        Assert.Equal(nn.functional.cross_entropy(logits, y).item<float>(), CategoricalNll.Loss(logits, y).item<float>(), 5);
    }

    [Fact]
    public void LogSoftmaxStaysFiniteForHugeLogits()
    {
        using var scope = NewDisposeScope();
        var logits = tensor(new float[,] { { 1000, 0, -1000 }, { 5, 5, 5 } });
        var ours = CategoricalNll.LogSoftmax(logits);
        Assert.True(ours.isfinite().all().item<bool>());
        Assert.True((ours - nn.functional.log_softmax(logits, 1)).abs().max().item<float>() < 1e-5);
    }

    [Fact]
    public void TwoClassesWithOneLogitAtZeroIsTheBernoulliNll()
    {
        using var scope = NewDisposeScope();
        manual_seed(9);
        var z = randn(50);
        var y = randint(0, 2, [50]);
        var logits = stack([zeros(50), z], 1);                           // (50, 2): p(class 1) = σ(z)
        var bernoulli = BernoulliNll.PerSampleFromLogits(z, y.to_type(ScalarType.Float32));
        Assert.True((CategoricalNll.PerSample(logits, y) - bernoulli).abs().max().item<float>() < 1e-5);
    }

    [Fact]
    public void GradientIsSoftmaxMinusOneHot()
    {
        using var scope = NewDisposeScope();
        manual_seed(10);
        var logits = randn(8, 5, requires_grad: true);
        var y = randint(0, 5, [8]);
        var ours = autograd.grad([CategoricalNll.Loss(logits, y)], [logits])[0];
        var reference = autograd.grad([nn.functional.cross_entropy(logits, y)], [logits])[0];
        var analytic = (logits.detach().softmax(1) - nn.functional.one_hot(y, 5).to_type(ScalarType.Float32)) / 8;
        Assert.True((ours - reference).abs().max().item<float>() < 1e-6);
        Assert.True((ours - analytic).abs().max().item<float>() < 1e-6);
    }

    [Fact]
    public void ClassIndexOutOfRangeIsAnErrorNamingIt()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ArgumentException>(() => CategoricalNll.PerSample(zeros(2, 3), tensor(new long[] { 0, 3 })));
        Assert.Contains("3", e.Message);
        Assert.Contains("C = 3", e.Message);
    }

    [Fact]
    public void MismatchedBatchSizesAreAnErrorNamingTheShapes()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ArgumentException>(() => CategoricalNll.PerSample(zeros(4, 3), zeros(5, ScalarType.Int64)));
        Assert.Contains("(4, 3)", e.Message);
        Assert.Contains("(5)", e.Message);
    }
}
