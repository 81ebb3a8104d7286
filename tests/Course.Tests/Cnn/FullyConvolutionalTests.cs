using Course.Cnn;
using Course.Native;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Cnn;

/// <summary>The FCN gives one score per class at every input pixel, learns end to end, and starts with bilinear upsampling (seed 003, "Semantic Segmentation").</summary>
public sealed class FullyConvolutionalTests
{
    public FullyConvolutionalTests() => TorchNative.EnsureLoaded();

    [Theory]
    [InlineData(16, 16, true)]
    [InlineData(16, 16, false)]
    [InlineData(32, 32, true)]
    [InlineData(20, 28, true)]
    [InlineData(20, 28, false)]
    public void OutputHasElevenScoresAtEveryInputPixel(int height, int width, bool skip)
    {
        var net = new FullyConvolutional(skip: skip);
        Assert.Equal(new long[] { 3, 11, height, width }, net.call(rand(3, 1, height, width)).shape);
        Assert.Equal(new long[] { 3, height, width }, net.Predict(rand(3, 1, height, width)).shape);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AGradientReachesTheFirstLayer(bool skip)
    {
        var net = new FullyConvolutional(skip: skip);
        var labels = randint(0, 11, new long[] { 2, 16, 16 });
        nn.functional.cross_entropy(net.call(rand(2, 1, 16, 16)), labels).backward();
        var first = net.parameters().First();                                          // the first convolution's kernels
        Assert.Equal(new long[] { 12, 1, 3, 3 }, first.shape);
        Assert.True(first.grad is not null && first.grad.abs().sum().item<float>() > 0, "no gradient reached the first convolution");
    }

    [Fact]
    public void TheUpsamplingStartsAsBilinearInterpolation()
    {
        // A transposed convolution initialised to bilinear interpolation maps a constant map to the same constant away from the border.
        var up = nn.ConvTranspose2d(1, 1, 8, stride: 4, padding: 2, bias: false);
        var net = new FullyConvolutional(numClasses: 1, skip: false);
        var weights = net.parameters().ToList();
        using (no_grad()) up.weight!.copy_(weights[^2]);                               // the upsampling's (1, 1, 8, 8) kernel
        var output = up.call(ones(1, 1, 4, 4));                                        // (1, 1, 16, 16)
        Assert.True(output[0, 0, 2..14, 2..14].allclose(ones(12, 12), 1e-5, 1e-6));
    }

    [Fact]
    public void SidesThatAreNotMultiplesOfFourAreRejectedNamingTheShape()
    {
        var ex = Assert.Throws<ArgumentException>(() => new FullyConvolutional().call(rand(1, 1, 18, 16)));
        Assert.Contains("(1, 1, 18, 16)", ex.Message);
    }

    [Fact]
    public void TheSkipAddsItsOwnClassifierAndUpsampling() =>
        Assert.Equal(new FullyConvolutional(skip: false).parameters().Sum(p => p.numel()) - (11 * 11 * 8 * 8 + 11)
                     + (12 * 11 + 11) + 2 * (11 * 11 * 4 * 4 + 11),
                     new FullyConvolutional(skip: true).parameters().Sum(p => p.numel()));
}
