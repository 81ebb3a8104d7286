using Course.Autoencoders;
using Course.Native;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Autoencoders;

/// <summary>The reconstruction error L = Σ (x_i − y_i)² per pixel (seed 002) against a loop, mse_loss and autograd.</summary>
public sealed class ReconstructionErrorTests
{
    public ReconstructionErrorTests() => TorchNative.EnsureLoaded();

    [Fact]
    public void PerSampleIsTheMeanSquaredDifferenceOfEachRow()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        var x = rand(4, 10);
        var y = rand(4, 10);
        var errors = ReconstructionError.PerSample(x, y).data<float>().ToArray();
        for (int b = 0; b < 4; b++)
        {
            double sum = 0;
            for (int j = 0; j < 10; j++) sum += Math.Pow(x[b, j].item<float>() - y[b, j].item<float>(), 2);
            Assert.Equal(sum / 10, errors[b], 5);
        }
    }

    [Fact]
    public void PerSampleAcceptsImagesAgainstFlatReconstructions()
    {
        using var scope = NewDisposeScope();
        var x = rand(2, 1, 28, 28);
        var y = rand(2, 784);
        Assert.True(ReconstructionError.PerSample(x, y).allclose(ReconstructionError.PerSample(x.reshape(2, 784), y)));
    }

    [Fact]
    public void ItsMeanHasTheGradientOfMseLoss()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        var x = rand(8, 5);
        var y = rand(8, 5, requires_grad: true);
        var ours = autograd.grad([ReconstructionError.PerSample(x, y).mean()], [y])[0];
        var reference = autograd.grad([nn.functional.mse_loss(y, x)], [y])[0];
        Assert.True(ours.allclose(reference, 1e-6, 1e-8));
    }

    [Fact]
    public void MeanOverADataSetIsMseLossOfTheNetwork()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var net = new Autoencoder([12, 5, 2]);
        var X = rand(50, 12);
        using var noGrad = no_grad();
        double expected = nn.functional.mse_loss(net.call(X), X).item<float>();
        Assert.Equal(expected, ReconstructionError.Mean(net, X, batchSize: 7), 5);
        Assert.Equal(new long[] { 50 }, ReconstructionError.Of(net, X, batchSize: 7).shape);
    }

    [Fact]
    public void MismatchedShapesAreAnErrorNamingThem()
    {
        var ex = Assert.Throws<ArgumentException>(() => ReconstructionError.PerSample(zeros(3, 784), zeros(2, 784)));
        Assert.Contains("(3, 784)", ex.Message);
        Assert.Contains("(2, 784)", ex.Message);
    }
}
