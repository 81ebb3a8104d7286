using Course.Cnn;
using Xunit;

namespace Course.Tests.Cnn;

/// <summary>Inception's parameter and multiply-accumulate counts against hand counts (seed 001, "GoogleNet"; Szegedy et al. 2015, Table 1).</summary>
public sealed class InceptionConfigTests
{
    private static readonly InceptionConfig Small = new(InChannels: 6, Ones: 2, ThreeReduce: 3, Three: 4, FiveReduce: 1, Five: 5, PoolProj: 7);

    [Theory]
    [InlineData(1, 192, 64, (1 * 1 * 192 + 1) * 64)]
    [InlineData(3, 96, 128, (3 * 3 * 96 + 1) * 128)]
    [InlineData(5, 16, 32, (5 * 5 * 16 + 1) * 32)]
    [InlineData(3, 192, 128, 221_312)]
    public void BranchConvParametersAreFFD1PlusOneTimesK(int kernel, int inChannels, int outChannels, long expected) =>
        Assert.Equal(expected, new BranchConv("conv", kernel, inChannels, outChannels).Parameters);

    [Theory]
    [InlineData(1, 192, 64, 28, 28, 28L * 28 * 192 * 64)]
    [InlineData(3, 96, 128, 28, 28, 28L * 28 * 9 * 96 * 128)]
    [InlineData(5, 16, 32, 7, 5, 7L * 5 * 25 * 16 * 32)]
    public void BranchConvMultiplyAccumulatesAreOnePerWeightPerOutputPosition(int kernel, int inChannels, int outChannels, int h, int w, long expected) =>
        Assert.Equal(expected, new BranchConv("conv", kernel, inChannels, outChannels).MultiplyAccumulates(h, w));

    [Fact]
    public void Inception3aHasTheWidthsOfTable1() =>
        Assert.Equal(new InceptionConfig(192, 64, 96, 128, 16, 32, 32), InceptionConfig.Inception3a);

    [Fact]
    public void Inception3aWithReductionsCostsTheTable1MultiplyAccumulates()
    {
        long weights = 192 * 64 + 192 * 96 + 9 * 96 * 128 + 192 * 16 + 25 * 16 * 32 + 192 * 32;   // 163,328
        long macs = InceptionConfig.Inception3a.MultiplyAccumulates(28, 28);
        Assert.Equal(28L * 28 * weights, macs);
        Assert.InRange(macs, 127_500_000, 128_500_000);                                        // Table 1: "128M" ops
    }

    [Fact]
    public void Inception3aWithoutReductionsCostsTheNaiveModulesHandCount()
    {
        long weights = 192 * 64 + 9 * 192 * 128 + 25 * 192 * 32;                                // 387,072
        Assert.Equal(28L * 28 * weights, InceptionConfig.Inception3a.MultiplyAccumulates(28, 28, reductions: false));
        Assert.Equal(weights + 64 + 128 + 32, InceptionConfig.Inception3a.Parameters(reductions: false));
    }

    [Fact]
    public void Inception3aParametersAreWeightsPlusOneBiasPerFilter() =>
        Assert.Equal(163_328 + 64 + 96 + 128 + 16 + 32 + 32, InceptionConfig.Inception3a.Parameters());

    [Theory]
    [InlineData(true, 64 + 128 + 32 + 32)]
    [InlineData(false, 64 + 128 + 32 + 192)]
    public void Inception3aOutputChannels(bool reductions, int expected) =>
        Assert.Equal(expected, InceptionConfig.Inception3a.OutputChannels(reductions));

    [Fact]
    public void ReductionsListSixConvolutionsAndTheNaiveModuleThree()
    {
        Assert.Equal(["1×1", "3×3 reduce", "3×3", "5×5 reduce", "5×5", "pool proj"], Small.Convolutions().Select(c => c.Name));
        Assert.Equal(["1×1", "3×3", "5×5"], Small.Convolutions(reductions: false).Select(c => c.Name));
    }

    [Fact]
    public void AZeroWidthIsRejectedByName()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => (Small with { FiveReduce = 0 }).Parameters());
        Assert.Contains("FiveReduce", ex.Message);
    }

    [Fact]
    public void ANonPositiveMapSizeIsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Small.MultiplyAccumulates(0, 28));
}
