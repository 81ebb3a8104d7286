using Course.Autoencoders;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Autoencoders;

/// <summary>The lecture's L = Σ (y − x)² per sample against mse_loss.</summary>
public sealed class ReconstructionLossTests
{
    [Fact]
    public void SumOfSquaresIsMeanSquaredErrorTimesPixelsPerSample()
    {
        var x = rand(5, 1, 28, 28);
        var y = rand(5, 1, 28, 28);
        var expected = nn.functional.mse_loss(y, x).ToDouble() * 784;
        Assert.Equal(expected, ReconstructionLoss.SumOfSquares(y, x).ToDouble(), 3);
    }

    [Fact]
    public void SumOfSquaresOfHandNumbers()
    {
        var x = tensor(new[,] { { 0f, 1f }, { 1f, 1f } });
        var y = tensor(new[,] { { 0.5f, 1f }, { 0f, 0f } });
        Assert.Equal((0.25 + 2.0) / 2, ReconstructionLoss.SumOfSquares(y, x).ToDouble(), 6);
    }

    [Fact]
    public void ShapesThatDifferThrowNamingBoth()
    {
        var ex = Assert.Throws<ArgumentException>(() => ReconstructionLoss.SumOfSquares(zeros(2, 784), zeros(2, 1, 28, 28)));
        Assert.Contains("(2, 784)", ex.Message);
        Assert.Contains("(2, 1, 28, 28)", ex.Message);
    }
}
