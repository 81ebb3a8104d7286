using Course.Cnn;
using Course.Native;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Cnn;

/// <summary>The residual block computes ReLU(F(x) + x), with a 1×1 projection when the shape changes (seed 001, "ResNet"; He et al. 2016, Eq. 1–2).</summary>
public sealed class ResidualBlockTests
{
    public ResidualBlockTests() => TorchNative.EnsureLoaded();

    private static ResidualBlock Block(int inChannels, int outChannels, int stride = 1, bool shortcut = true)
    {
        var block = new ResidualBlock(inChannels, outChannels, stride, shortcut);
        block.eval();                                                          // batch norm with its running statistics: deterministic
        return block;
    }

    [Fact]
    public void OutputIsReluOfTheResidualPlusTheInput()
    {
        var block = Block(4, 4);
        var x = randn(2, 4, 7, 7);
        Assert.False(block.HasProjection);
        Assert.True(block.call(x).allclose((block.Residual(x) + x).relu(), 1e-5, 1e-6));
        Assert.False(block.call(x).allclose(block.Residual(x).relu(), 1e-3, 1e-3));    // the shortcut does add x
    }

    [Fact]
    public void TheIdentityShortcutIsTheInputItself()
    {
        var x = randn(1, 3, 5, 5);
        Assert.True(Block(3, 3).Shortcut(x).allclose(x, 0, 0));
    }

    [Fact]
    public void WithTheResidualSwitchedOffTheBlockPassesANonNegativeInputThrough()
    {
        var block = Block(3, 3);
        using (no_grad())
            foreach (var (name, p) in block.named_parameters())
                p.zero_();                                                      // F(x) = 0: the identity is one zero away
        var x = rand(2, 3, 6, 6);
        Assert.True(block.call(x).allclose(x));
    }

    [Theory]
    [InlineData(4, 8, 1, 7, 7)]
    [InlineData(4, 4, 2, 4, 4)]
    [InlineData(4, 8, 2, 4, 4)]
    public void AChangeOfShapeGetsAProjectionShortcut(int inChannels, int outChannels, int stride, int h, int w)
    {
        var block = Block(inChannels, outChannels, stride);
        var x = randn(2, inChannels, 7, 7);
        Assert.True(block.HasProjection);
        Assert.Equal(new long[] { 2, outChannels, h, w }, block.call(x).shape);
        Assert.Equal(new long[] { 2, outChannels, h, w }, block.Shortcut(x).shape);
        Assert.True(block.call(x).allclose((block.Residual(x) + block.Shortcut(x)).relu(), 1e-5, 1e-6));
    }

    [Fact]
    public void TheProjectionAddsAOneByOneConvolutionAndItsBatchNorm()
    {
        long plain = Block(4, 8, shortcut: false).parameters().Sum(p => p.numel());
        long residual = Block(4, 8).parameters().Sum(p => p.numel());
        Assert.Equal(plain + 4 * 8 + 2 * 8, residual);
    }

    [Fact]
    public void AnIdentityShortcutAddsNoParameters() =>
        Assert.Equal(Block(5, 5, shortcut: false).parameters().Sum(p => p.numel()), Block(5, 5).parameters().Sum(p => p.numel()));

    [Fact]
    public void APlainBlockIsReluOfTheResidualAlone()
    {
        var block = Block(4, 4, shortcut: false);
        var x = randn(2, 4, 5, 5);
        Assert.True(block.call(x).allclose(block.Residual(x).relu(), 1e-5, 1e-6));
        Assert.Throws<InvalidOperationException>(() => block.Shortcut(x));
    }

    [Fact]
    public void AnInputWithTheWrongChannelsIsRejectedNamingItsShape()
    {
        var ex = Assert.Throws<ArgumentException>(() => Block(4, 4).call(zeros(1, 3, 5, 5)));
        Assert.Contains("(1, 3, 5, 5)", ex.Message);
    }
}
