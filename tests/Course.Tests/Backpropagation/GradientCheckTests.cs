using Course.Backpropagation;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Backpropagation;

/// <summary>Central finite differences against known derivatives and TorchSharp's autograd.</summary>
public sealed class GradientCheckTests
{
    [Fact]
    public void NumericalGradientOfAKnownFunction()
    {
        // f(x) = x0² x1 + sin x1: ∇f = (2 x0 x1, x0² + cos x1)
        double[] x = [1.5, -0.4];
        var g = GradientCheck.Numerical(p => p[0] * p[0] * p[1] + Math.Sin(p[1]), x);
        Assert.Equal(2 * 1.5 * -0.4, g[0], 8);
        Assert.Equal(1.5 * 1.5 + Math.Cos(-0.4), g[1], 8);
        Assert.Equal([1.5, -0.4], x);                  // the point is not modified
    }

    [Fact]
    public void InPlaceVersionMatchesAutogradAndRestoresTheWeight()
    {
        using var scope = NewDisposeScope();
        var generator = new Generator(4);
        var x = randn(3, 4, dtype: ScalarType.Float64, generator: generator);
        var w = randn(4, 2, dtype: ScalarType.Float64, generator: generator);
        var before = w.clone();
        Tensor F(Tensor weight) => x.matmul(weight).tanh().pow(2).sum();
        var leaf = w.clone().requires_grad_(true);
        var expected = autograd.grad([F(leaf)], [leaf])[0];
        var numerical = GradientCheck.Numerical(() => F(w).item<double>(), w);
        Assert.Equal(w.shape, numerical.shape);
        Assert.True((numerical - expected).abs().max().item<double>() < 1e-8);
        Assert.True(w.eq(before).all().item<bool>());
        var spot = GradientCheck.NumericalAt(() => F(w).item<double>(), w, [7, 0]);
        Assert.Equal(expected[3, 1].item<double>(), spot[0], 8);
        Assert.Equal(expected[0, 0].item<double>(), spot[1], 8);
    }

    [Fact]
    public void Float32IsRefusedWithOneLineNamingTheFix()
    {
        using var scope = NewDisposeScope();
        var w = ones(3);
        var e = Assert.Throws<ArgumentException>(() => GradientCheck.Numerical(() => w.sum().item<float>(), w));
        Assert.Contains("Float64", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void AnIndexOutsideTheWeightIsAnError()
    {
        using var scope = NewDisposeScope();
        var w = ones(2, 2, dtype: ScalarType.Float64);
        var e = Assert.Throws<ArgumentException>(() => GradientCheck.NumericalAt(() => 0, w, [4]));
        Assert.Contains("index 4", e.Message);
    }

    [Fact]
    public void DifferencesOfListsOfDifferentLengthAreAnError()
    {
        var e = Assert.Throws<ArgumentException>(() => GradientCheck.MaxAbsDifference([1.0, 2.0], [1.0]));
        Assert.Contains("2 and 1 entries", e.Message);
    }

    [Fact]
    public void RelativeErrorIgnoresScale()
    {
        Assert.Equal(0.01, GradientCheck.MaxRelativeError([100.0, 1e-9], [99.0, 1e-9]), 12);
        Assert.Equal(1.0, GradientCheck.MaxRelativeError([1.0], [0.0]), 12);
    }
}
