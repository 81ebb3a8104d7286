using Course.Cnn;
using Course.Native;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Cnn;

/// <summary>The Inception module's shapes, parameters and multiply-accumulates against its configuration (seed 001, "GoogleNet"; Szegedy et al. 2015).</summary>
public sealed class InceptionTests
{
    private static readonly InceptionConfig Small = new(InChannels: 6, Ones: 2, ThreeReduce: 3, Three: 4, FiveReduce: 1, Five: 5, PoolProj: 7);

    public InceptionTests() => TorchNative.EnsureLoaded();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Inception3aParametersMatchTheCount(bool reductions) =>
        Assert.Equal(InceptionConfig.Inception3a.Parameters(reductions),
                     new Inception(InceptionConfig.Inception3a, reductions).parameters().Sum(p => p.numel()));

    [Theory]
    [InlineData(true, 2 + 4 + 5 + 7)]
    [InlineData(false, 2 + 4 + 5 + 6)]
    public void OutputConcatenatesTheBranchesAndKeepsTheSize(bool reductions, int channels)
    {
        var module = new Inception(Small, reductions);
        Assert.Equal(new long[] { 3, channels, 9, 11 }, module.call(rand(3, 6, 9, 11)).shape);
        Assert.Equal(channels, Small.OutputChannels(reductions));
    }

    [Fact]
    public void Inception3aMapsTwentyEightByTwentyEightBy192To256Channels() =>
        Assert.Equal(new long[] { 1, 256, 28, 28 }, new Inception(InceptionConfig.Inception3a).call(rand(1, 192, 28, 28)).shape);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void MultiplyAccumulatesMatchTheModulesConvolutions(bool reductions)
    {
        var module = new Inception(Small, reductions);
        long counted = module.modules().OfType<TorchSharp.Modules.Conv2d>().Sum(c => c.weight!.numel()) * 9 * 11;   // stride 1, same padding
        Assert.Equal(Small.MultiplyAccumulates(9, 11, reductions), counted);
    }

    [Fact]
    public void ForwardIsTheBranchesConcatenatedAlongTheChannels()
    {
        var module = new Inception(Small);
        var x = rand(2, 6, 5, 5);
        var branches = module.Branches(x);
        Assert.Equal([2L, 4, 5, 7], branches.Select(b => b.shape[1]));
        Assert.True(cat(branches.ToArray(), 1).allclose(module.call(x)));
    }

    [Fact]
    public void TheNaivePoolingBranchPassesEveryChannelThroughMaxPooling()
    {
        var x = randn(1, 6, 5, 5);
        var pooled = new Inception(Small, reductions: false).Branches(x)[3];
        Assert.True(nn.functional.max_pool2d(x, [3, 3], [1, 1], [1, 1]).allclose(pooled, 0, 0));
    }

    [Fact]
    public void AnInputWithTheWrongChannelsIsRejectedNamingItsShape()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Inception(Small).call(zeros(1, 5, 4, 4)));
        Assert.Contains("(1, 5, 4, 4)", ex.Message);
    }
}
