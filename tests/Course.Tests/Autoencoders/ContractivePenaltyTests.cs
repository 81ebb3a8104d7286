using Course.Autoencoders;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Autoencoders;

/// <summary>‖J_f(x)‖²_F in closed form against finite differences and autograd; the SCAE estimate against both; SAT.</summary>
public sealed class ContractivePenaltyTests
{
    private static SigmoidAutoencoder SmallNet(int d = 6, int h = 4, int seed = 0)
    {
        manual_seed(seed);
        var net = new SigmoidAutoencoder(d, h);
        net.to(ScalarType.Float64);
        return net;
    }

    /// <summary>J[b, j, i] = (h_j(x_b + δe_i) − h_j(x_b − δe_i)) / 2δ, one input coordinate at a time.</summary>
    private static double[,,] FiniteDifferenceJacobian(Func<Tensor, Tensor> encode, Tensor x, double delta = 1e-6)
    {
        long b = x.shape[0], d = x.shape[1];
        using var noGrad = no_grad();
        long h = encode(x).shape[1];
        var jacobian = new double[b, h, d];
        for (long i = 0; i < d; i++)
        {
            var step = zeros_like(x);
            step[.., i] = tensor(delta, ScalarType.Float64);
            var slope = ((encode(x + step) - encode(x - step)) / (2 * delta)).data<double>().ToArray();   // (B, H)
            for (long s = 0; s < b; s++)
                for (long j = 0; j < h; j++)
                    jacobian[s, j, i] = slope[s * h + j];
        }
        return jacobian;
    }

    [Fact]
    public void AutogradJacobianMatchesFiniteDifferences()
    {
        var net = SmallNet();
        var x = rand(3, 6, ScalarType.Float64, generator: new Generator(1));
        var reference = FiniteDifferenceJacobian(net.Encode, x);
        var jacobian = Jacobian.Of(net.Encode, x);
        Assert.Equal(new long[] { 3, 4, 6 }, jacobian.shape);
        var values = jacobian.data<double>().ToArray();
        for (int s = 0; s < 3; s++)
            for (int j = 0; j < 4; j++)
                for (int i = 0; i < 6; i++)
                    Assert.Equal(reference[s, j, i], values[(s * 4 + j) * 6 + i], 8);
    }

    [Fact]
    public void AnalyticPenaltyIsTheSquaredFrobeniusNormOfTheAutogradJacobian()
    {
        var net = SmallNet(20, 7, seed: 2);
        var x = rand(5, 20, ScalarType.Float64, generator: new Generator(2));
        var expected = Jacobian.Of(net.Encode, x).square().sum([1L, 2L]);                          // (B)
        using var noGrad = no_grad();
        var analytic = ContractivePenalty.Analytic(net.Encode(x), net.EncoderWeight);
        Assert.True(analytic.allclose(expected, 1e-10, 1e-12));
        Assert.True(Jacobian.FrobeniusNorm(net, x).allclose(expected.sqrt(), 1e-10, 1e-12));
    }

    [Fact]
    public void AnalyticPenaltyOnFloat32MnistSizedNetMatchesAutograd()
    {
        manual_seed(3);
        var net = new SigmoidAutoencoder(784, 32);
        var x = rand(4, 784, generator: new Generator(3));
        var expected = Jacobian.Of(net.Encode, x).square().sum([1L, 2L]);
        using var noGrad = no_grad();
        Assert.True(ContractivePenalty.Analytic(net.Encode(x), net.EncoderWeight).allclose(expected, 1e-4, 1e-7));
    }

    [Fact]
    public void AnalyticPenaltyGradientWithRespectToTheWeightsMatchesFiniteDifferences()
    {
        var net = SmallNet(5, 3, seed: 4);
        var x = rand(2, 5, ScalarType.Float64, generator: new Generator(4));
        double Penalty() => ContractivePenalty.Analytic(net.Encode(x), net.EncoderWeight).sum().ToDouble();
        var grad = autograd.grad([ContractivePenalty.Analytic(net.Encode(x), net.EncoderWeight).sum()], [net.EncoderWeight])[0];
        const double delta = 1e-6;
        using var noGrad = no_grad();
        foreach (var (j, i) in new[] { (0, 0), (1, 3), (2, 4) })
        {
            var w = net.EncoderWeight;
            double original = w[j, i].ToDouble();
            w[j, i] = tensor(original + delta, ScalarType.Float64);
            double up = Penalty();
            w[j, i] = tensor(original - delta, ScalarType.Float64);
            double down = Penalty();
            w[j, i] = tensor(original, ScalarType.Float64);
            Assert.Equal((up - down) / (2 * delta), grad[j, i].ToDouble(), 6);
        }
    }

    [Fact]
    public void StochasticEstimateApproachesTheAnalyticPenaltyForSmallNoise()
    {
        var net = SmallNet(30, 10, seed: 5);
        var x = rand(4, 30, ScalarType.Float64, generator: new Generator(5));
        using var noGrad = no_grad();
        var analytic = ContractivePenalty.Analytic(net.Encode(x), net.EncoderWeight);
        var estimate = ContractivePenalty.Stochastic(net.Encode, x, 1e-3, numSamples: 4000, generator: new Generator(6));
        Assert.Equal(new long[] { 4 }, estimate.shape);
        Assert.True(estimate.allclose(analytic, 0.05, 0), $"SCAE {string.Join(", ", estimate.data<double>().ToArray())} vs CAE {string.Join(", ", analytic.data<double>().ToArray())}");
    }

    [Fact]
    public void StochasticEstimateIsDifferentiableThroughTheEncoder()
    {
        var net = SmallNet(6, 3, seed: 6);
        var x = rand(2, 6, ScalarType.Float64);
        var grad = autograd.grad([ContractivePenalty.Stochastic(net.Encode, x, 0.1).mean()], [net.EncoderWeight])[0];
        Assert.True(grad.abs().sum().ToDouble() > 0);
    }

    [Fact]
    public void SaturatedFractionCountsUnitsNearZeroOrOne()
    {
        var code = tensor(new[,] { { 0.01f, 0.5f, 0.97f, 0.2f }, { 0.04f, 0.049f, 0.951f, 0.999f } });
        Assert.Equal(new[] { 0.5f, 1.0f }, Saturation.Fraction(code).data<float>().ToArray());
        Assert.Equal(new[] { 0.25f, 0.25f }, Saturation.Fraction(code, 0.02).data<float>().ToArray());
    }

    [Fact]
    public void BadShapesAndArgumentsThrowNamingThem()
    {
        var ex = Assert.Throws<ArgumentException>(() => ContractivePenalty.Analytic(zeros(2, 4), zeros(5, 784)));
        Assert.Contains("(2, 4)", ex.Message);
        Assert.Contains("(5, 784)", ex.Message);
        Assert.Contains("σ = 0", Assert.Throws<ArgumentException>(() => ContractivePenalty.Stochastic(t => t, zeros(2, 3), 0)).Message);
        Assert.Contains("(784)", Assert.Throws<ArgumentException>(() => Jacobian.Of(t => t, zeros(784))).Message);
        Assert.Contains("0.7", Assert.Throws<ArgumentException>(() => Saturation.Fraction(zeros(2, 3), 0.7)).Message);
    }
}
