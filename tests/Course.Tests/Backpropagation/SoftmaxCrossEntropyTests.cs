using Course.Backpropagation;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Backpropagation;

/// <summary>∂L/∂logits = (p − y)/B against autograd of TorchSharp's cross_entropy.</summary>
public sealed class SoftmaxCrossEntropyTests
{
    [Theory]
    [InlineData(1, 1, 3)]
    [InlineData(2, 16, 10)]
    [InlineData(3, 64, 2)]
    public void GradientMatchesAutogradOfCrossEntropy(int seed, int batch, int numClasses)
    {
        using var scope = NewDisposeScope();
        var generator = new Generator((ulong)seed);
        var logits = (randn(batch, numClasses, dtype: ScalarType.Float64, generator: generator) * 3).requires_grad_(true);
        var y = randint(0, numClasses, [batch], generator: generator);
        var expected = autograd.grad([nn.functional.cross_entropy(logits, y)], [logits])[0];
        var ours = SoftmaxCrossEntropy.Gradient(logits.detach().softmax(1), y);
        Assert.True((ours - expected).abs().max().item<double>() < 1e-12);
    }

    [Fact]
    public void ALabelOutsideTheClassesIsAnErrorNamingIt()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ArgumentException>(() => SoftmaxCrossEntropy.Gradient(full(2, 3, 1.0 / 3), tensor(new long[] { 0, 3 })));
        Assert.Contains("C = 3", e.Message);
    }

    [Fact]
    public void LabelsOfAnotherBatchAreAnErrorNamingTheShapes()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ArgumentException>(() => SoftmaxCrossEntropy.Gradient(full(4, 3, 1.0 / 3), zeros(5, ScalarType.Int64)));
        Assert.Contains("(4, 3)", e.Message);
        Assert.Contains("(5)", e.Message);
    }
}
