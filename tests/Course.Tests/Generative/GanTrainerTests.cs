using Course.Generative;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Generative;

/// <summary>The generator/discriminator modules and the alternating training step (Goodfellow et al. 2014, Algorithm 1).</summary>
public sealed class GanTrainerTests
{
    [Fact]
    public void ModulesHaveTheExpectedShapes()
    {
        using var scope = NewDisposeScope();
        var g = new MlpGenerator(16, new[] { 32, 64 }, 784, tanhOutput: true);
        var d = new MlpDiscriminator(784, new[] { 64, 32 });
        var fake = g.call(randn(5, 16));
        Assert.Equal(new long[] { 5, 784 }, fake.shape);
        Assert.True(fake.abs().max().item<float>() <= 1);
        Assert.Equal(new long[] { 5, 1 }, d.call(fake).shape);
        Assert.Equal(new long[] { 5, 1 }, d.call(fake.reshape(5, 1, 28, 28)).shape);
        Assert.Equal(new long[] { 7, 784 }, g.Sample(7).shape);
        Assert.True(g.training);                                                    // Sample restores the mode
    }

    [Fact]
    public void WrongShapesAreRejectedNamingThem()
    {
        using var scope = NewDisposeScope();
        var ex = Assert.Throws<ArgumentException>(() => new MlpGenerator(4, new[] { 8 }, 2).call(zeros(3, 5)));
        Assert.Contains("(3, 5)", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => new MlpDiscriminator(2, new[] { 8 }).call(zeros(3, 3)));
        Assert.Contains("(3, 3)", ex.Message);
        Assert.Throws<ArgumentException>(() => new MlpGenerator(0, new[] { 8 }, 2));
    }

    [Fact]
    public void StepUpdatesTheDiscriminatorOnDetachedFakesThenTheGenerator()
    {
        using var scope = NewDisposeScope();
        manual_seed(0);
        var g = new MlpGenerator(2, new[] { 16 }, 2, batchNorm: false);
        var d = new MlpDiscriminator(2, new[] { 16 });
        var x = randn(32, 2);
        var z = randn(32, 2);
        var dBefore = d.parameters().Select(p => p.detach().clone()).ToList();
        var gBefore = g.parameters().Select(p => p.detach().clone()).ToList();

        // The losses the step must report, computed before any update.
        float expectedD;
        using (no_grad())
            expectedD = GanLosses.DiscriminatorFromLogits(d.call(x), d.call(g.call(z))).item<float>();
        var stats = GanTrainer.Step(g, d, x, z, optim.SGD(g.parameters(), 0.1), optim.SGD(d.parameters(), 0.1));
        Assert.Equal(expectedD, stats.DiscriminatorLoss, 5);
        Assert.Contains(d.parameters().Zip(dBefore), p => !p.First.detach().allclose(p.Second, 0, 0));
        Assert.Contains(g.parameters().Zip(gBefore), p => !p.First.detach().allclose(p.Second, 0, 0));
        Assert.InRange(stats.DReal, 0, 1);
        Assert.InRange(stats.DFake, 0, 1);
    }

    [Fact]
    public void FitRecordsOneRowPerEpochAndMovesSamplesTowardsTheData()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        var x = randn(512, 2) * 0.1 + 3;                                              // data around (3, 3)
        var g = new MlpGenerator(2, new[] { 32 }, 2, batchNorm: false);
        var d = new MlpDiscriminator(2, new[] { 32 });
        double before = (g.Sample(256).mean(new long[] { 0 }) - 3).abs().max().item<float>();
        int calls = 0;
        var history = GanTrainer.Fit(g, d, x, optim.Adam(g.parameters(), 5e-3, beta1: 0.5), optim.Adam(d.parameters(), 5e-3, beta1: 0.5),
            new GanOptions(NumEpochs: 30, BatchSize: 64, ShowProgress: false, OnEpoch: _ => calls++));
        double after = (g.Sample(256).mean(new long[] { 0 }) - 3).abs().max().item<float>();
        Assert.Equal(30, history.Count);
        Assert.Equal(30, calls);
        Assert.True(after < before / 2, $"mean distance from the data {before:F2} → {after:F2}");
    }

    [Fact]
    public void ZeroEpochsGiveOneEpochZeroRowAndLeaveTheGeneratorUntouched()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        var g = new MlpGenerator(2, new[] { 8 }, 2, batchNorm: false);
        var d = new MlpDiscriminator(2, new[] { 8 });
        var before = g.parameters().Select(p => p.clone()).ToList();
        var epochs = new List<int>();
        var history = GanTrainer.Fit(g, d, randn(128, 2), optim.Adam(g.parameters(), 5e-3), optim.Adam(d.parameters(), 5e-3),
            new GanOptions(NumEpochs: 0, BatchSize: 64, ShowProgress: false, OnEpoch: e => epochs.Add(e.Epoch)));
        Assert.Equal(0, Assert.Single(history).Epoch);
        Assert.Equal([0], epochs);
        Assert.All(g.parameters().Zip(before), p => Assert.True(p.First.allclose(p.Second, rtol: 0, atol: 0)));
    }

    [Fact]
    public void FitRejectsFewerSamplesThanOneBatch()
    {
        using var scope = NewDisposeScope();
        var g = new MlpGenerator(2, new[] { 8 }, 2);
        var d = new MlpDiscriminator(2, new[] { 8 });
        var ex = Assert.Throws<ArgumentException>(() => GanTrainer.Fit(g, d, zeros(10, 2), optim.SGD(g.parameters(), 0.1), optim.SGD(d.parameters(), 0.1),
            new GanOptions(BatchSize: 64, ShowProgress: false)));
        Assert.Contains("10", ex.Message);
    }
}
