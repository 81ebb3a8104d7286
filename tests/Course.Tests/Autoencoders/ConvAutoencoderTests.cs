using Course.Autoencoders;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Autoencoders;

/// <summary>The convolutional AE: code and output shapes, values in (0, 1), clear errors for flat input.</summary>
public sealed class ConvAutoencoderTests
{
    [Theory]
    [InlineData(3, 28, 28, 8)]
    [InlineData(1, 16, 20, 4)]
    public void CodeIsAQuarterOfTheSideAndTheOutputHasTheInputShape(int batch, int height, int width, int codeChannels)
    {
        var net = new ConvAutoencoder(channels: 6, codeChannels: codeChannels);
        using var noGrad = no_grad();
        var x = rand(batch, 1, height, width);
        Assert.Equal(new long[] { batch, codeChannels, height / 4, width / 4 }, net.Encode(x).shape);
        Assert.Equal(x.shape, net.forward(x).shape);
    }

    [Fact]
    public void OutputsAreSigmoidValues()
    {
        var net = new ConvAutoencoder();
        using var noGrad = no_grad();
        var y = net.forward(rand(4, 1, 28, 28));
        Assert.True(y.min().ToDouble() > 0 && y.max().ToDouble() < 1);
    }

    [Fact]
    public void EveryTransposedConvolutionDoublesTheSideAsTheFormulaSays()
    {
        var net = new ConvAutoencoder(channels: 4, codeChannels: 2);
        using var noGrad = no_grad();
        var z = rand(1, 2, 7, 7);
        int side = TransposedConvolution.OutputSize(TransposedConvolution.OutputSize(7, 2, 2), 2, 2);
        Assert.Equal(28, side);
        Assert.Equal(new long[] { 1, 1, side, side }, net.Decode(z).shape);
    }

    [Fact]
    public void ParametersCountConvolutionsAndTransposedConvolutions()
    {
        var net = new ConvAutoencoder(channels: 16, codeChannels: 8);
        long expected = (9 * 1 + 1) * 16 + (9 * 16 + 1) * 8 + (4 * 8 * 16 + 16) + (4 * 16 * 1 + 1);
        Assert.Equal(expected, net.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void Float32ForwardAndGradientsAgreeWithFloat64()
    {
        // Guards against a libtorch/oneDNN defect seen on this machine (AVX2/AVX-512 kernels; fine with DNNL_MAX_CPU_ISA=SSE41):
        // float32 stride-1 transposed convolutions, and so the input gradient of a stride-1 Conv2d, can come out wrong
        // (with max pooling after stride-1 convolutions this model's first-layer gradients were off by 80%, sometimes NaN).
        manual_seed(2);
        var net = new ConvAutoencoder(channels: 16, codeChannels: 8);
        var x = rand(3, 1, 28, 28);
        var loss32 = (net.forward(x) - x).square().sum();
        var grads32 = autograd.grad([loss32], net.parameters().ToArray()).Select(g => g.to_type(ScalarType.Float64)).ToArray();
        net.to(ScalarType.Float64);
        var x64 = x.to_type(ScalarType.Float64);
        var loss64 = (net.forward(x64) - x64).square().sum();
        var grads64 = autograd.grad([loss64], net.parameters().ToArray());
        Assert.Equal(loss64.ToDouble(), loss32.ToDouble(), 1);
        foreach (var (g32, g64) in grads32.Zip(grads64))
        {
            double worst = (g32 - g64).abs().max().ToDouble() / g64.abs().max().ToDouble();
            Assert.True(worst < 1e-3, $"gradient of a ({string.Join(", ", g64.shape)}) parameter differs by {worst:G3} of its largest entry");
        }
    }

    [Fact]
    public void FlatDigitsThrowNamingTheShape()
    {
        var net = new ConvAutoencoder();
        var ex = Assert.Throws<ArgumentException>(() => net.forward(zeros(4, 784)));
        Assert.Contains("(4, 784)", ex.Message);
        Assert.Contains("(2, 1, 30, 30)", Assert.Throws<ArgumentException>(() => net.forward(zeros(2, 1, 30, 30))).Message);
        Assert.Contains("(1, 3, 7, 7)", Assert.Throws<ArgumentException>(() => net.Decode(zeros(1, 3, 7, 7))).Message);
    }
}
