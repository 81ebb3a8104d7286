using Course.Autoencoders;
using Course.Native;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Autoencoders;

/// <summary>The lecture's autoencoder 784-256-128-64-2 and back (seed 003): shapes, parameter count, and the layers against a hand-written forward pass.</summary>
public sealed class AutoencoderTests
{
    public AutoencoderTests() => TorchNative.EnsureLoaded();

    [Fact]
    public void LectureSizesAreTheSlideLayers() =>
        Assert.Equal(new[] { 784, 256, 128, 64, 2 }, Autoencoder.LectureSizes);

    [Fact]
    public void ParameterCountIsTheHandCountOfBothHalves()
    {
        long encoder = (784 * 256 + 256) + (256 * 128 + 128) + (128 * 64 + 64) + (64 * 2 + 2);       // 242,242
        long decoder = (2 * 64 + 64) + (64 * 128 + 128) + (128 * 256 + 256) + (256 * 784 + 784);    // 243,024
        Assert.Equal(encoder + decoder, new Autoencoder().parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void EncodeGivesTwoNumbersAndDecodeGivesBackADigitInZeroOne()
    {
        using var scope = NewDisposeScope();
        var net = new Autoencoder();
        var h = net.Encode(rand(5, 784));
        Assert.Equal(new long[] { 5, 2 }, h.shape);
        var y = net.Decode(h);
        Assert.Equal(new long[] { 5, 784 }, y.shape);
        Assert.True(y.min().item<float>() >= 0 && y.max().item<float>() <= 1);
    }

    [Fact]
    public void ForwardOfImagesIsDecodeOfEncodeOfTheFlatPixels()
    {
        using var scope = NewDisposeScope();
        var net = new Autoencoder();
        var images = rand(3, 1, 28, 28);
        var expected = net.Decode(net.Encode(images.reshape(3, 784)));
        Assert.True(net.call(images).allclose(expected, 1e-6, 1e-7));
    }

    [Fact]
    public void LayersComputeReluOfAffineMapsWithALinearCodeAndASigmoidOutput()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        var net = new Autoencoder([6, 4, 3]);
        var w = net.parameters().ToArray();                               // W1 b1 W2 b2 | W3 b3 W4 b4
        var x = randn(7, 6);
        var h = (x.matmul(w[0].t()) + w[1]).relu().matmul(w[2].t()) + w[3];       // 6 → 4 (ReLU) → 3 (linear)
        var y = ((h.matmul(w[4].t()) + w[5]).relu().matmul(w[6].t()) + w[7]).sigmoid(); // 3 → 4 (ReLU) → 6 (sigmoid)
        Assert.True(net.Encode(x).allclose(h, 1e-5, 1e-6));
        Assert.True(net.call(x).allclose(y, 1e-5, 1e-6));
    }

    [Fact]
    public void ToStringNamesTheMirroredSizes() =>
        Assert.StartsWith("Autoencoder 784-256-128-64-2-64-128-256-784", new Autoencoder().ToString());

    [Fact]
    public void AWrongInputSizeIsAnErrorNamingItsShape()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Autoencoder().call(zeros(4, 100)));
        Assert.Contains("(4, 100)", ex.Message);
    }

    [Fact]
    public void DecodeRejectsCodesOfTheWrongSize()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Autoencoder().Decode(zeros(4, 3)));
        Assert.Contains("(B, 2)", ex.Message);
    }

    [Theory]
    [InlineData(new[] { 784 })]
    [InlineData(new[] { 784, 0 })]
    public void TooFewOrEmptyLayersAreRejected(int[] sizes) =>
        Assert.Throws<ArgumentException>(() => new Autoencoder(sizes));
}
