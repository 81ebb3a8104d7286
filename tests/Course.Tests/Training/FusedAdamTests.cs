using Course.Native;
using Course.Training;
using TorchSharp;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Training;

/// <summary>FusedAdam against TorchSharp's own optim.Adam, and its flat buffers seen from the module.</summary>
public sealed class FusedAdamTests
{
    public FusedAdamTests() => TorchNative.EnsureLoaded();

    /// <summary>float32 on the CPU takes the one-pass loop, float64 the tensor operations; both must be Adam.</summary>
    [Theory]
    [InlineData(ScalarType.Float32, 0.0, true)]
    [InlineData(ScalarType.Float32, 0.01, true)]
    [InlineData(ScalarType.Float64, 0.0, false)]
    [InlineData(ScalarType.Float64, 0.01, false)]
    public void ParametersAfterTwentyStepsMatchOptimAdam(ScalarType dtype, double weightDecay, bool inOnePass)
    {
        var (X, y) = Blobs.Make(64, seed: 21);
        X = X.to_type(dtype);
        var reference = Blobs.Net().to(dtype);
        var fused = Twin(reference);
        var initial = reference.parameters().First().detach().clone();
        using var adam = optim.Adam(reference.parameters(), lr: 0.01, weight_decay: weightDecay);
        using var fusedAdam = new FusedAdam(fused.parameters(), lr: 0.01, weight_decay: weightDecay);

        for (int step = 0; step < 20; step++)
        {
            var (xb, yb) = (X.narrow(0, step % 4 * 16, 16), y.narrow(0, step % 4 * 16, 16));      // (16, 2), (16)
            Step(reference, adam, xb, yb);
            Step(fused, fusedAdam, xb, yb);
        }

        Assert.Equal(inOnePass, fusedAdam.InOnePass);
        Assert.Equal(20, fusedAdam.StepCount);
        foreach (var (expected, actual) in reference.parameters().Zip(fused.parameters()))
            Assert.True(MaxAbsDifference(expected, actual) < 1e-5, $"max |Δθ| = {MaxAbsDifference(expected, actual):G3}");
        Assert.True(MaxAbsDifference(reference.parameters().First(), initial) > 1e-2);                 // the weights did move
    }

    [Fact]
    public void TheModulesParametersAreViewsIntoOneBufferAndKeepTheirValues()
    {
        var net = Blobs.Net();
        var before = net.parameters().Select(p => p.detach().clone()).ToList();
        using var optimizer = new FusedAdam(net.parameters());

        var parameters = net.parameters().ToList();
        Assert.Equal(before.Count, parameters.Count);
        foreach (var (old, p) in before.Zip(parameters)) Assert.True(old.Equals(p));               // same values, same shapes
        Assert.Equal(parameters, optimizer.parameters());                                          // the module's own Parameter objects
        Assert.All(parameters, p => Assert.True(p.is_leaf && p.requires_grad));
        long offset = 0;
        foreach (var p in parameters)                                                             // consecutive slices of one storage
        {
            Assert.Equal(offset, p.storage_offset());
            offset += p.numel();
        }
        var state = net.state_dict();
        Assert.All(parameters, p => Assert.Contains(state.Values, s => s.storage_offset() == p.storage_offset() && s.Equals(p)));
    }

    [Fact]
    public void ForwardUsesTheWeightsTheStepWrote()
    {
        var (X, y) = Blobs.Make(32, seed: 22);
        var net = Blobs.Net();
        using var optimizer = new FusedAdam(net.parameters(), lr: 0.1);
        var outputBefore = net.call(X).detach().clone();

        Step(net, optimizer, X, y);

        var outputAfter = net.call(X);
        Assert.False(outputBefore.allclose(outputAfter));
        var first = (Linear)((Sequential)net).children().First();
        using (torch.no_grad()) first.weight!.zero_();                                             // through the module …
        Assert.Equal(0.0, net.parameters().First().abs().sum().item<float>());                    // … seen by the optimizer's view
    }

    [Fact]
    public void ZeroGradZeroesTheGradientsInPlace()
    {
        var (X, y) = Blobs.Make(32, seed: 23);
        var net = Blobs.Net();
        using var optimizer = new FusedAdam(net.parameters());
        Blobs.CrossEntropy(net.call(X), y).backward();
        var offsets = net.parameters().Select(p => { using var g = p.grad!; return g.storage_offset(); }).ToList();
        Assert.Contains(net.parameters(), p => { using var g = p.grad!; return g.abs().sum().item<float>() > 0; });

        optimizer.zero_grad();

        foreach (var (p, offset) in net.parameters().Zip(offsets))
        {
            using var g = p.grad;
            Assert.NotNull(g);                                                                     // zeroed, not cleared
            Assert.Equal(0.0, g.abs().sum().item<float>());
            Assert.Equal(offset, g.storage_offset());                                             // still the same view
        }
    }

    [Fact]
    public void GradientsClearedByTheModuleAreCopiedBackIntoTheBuffer()
    {
        var (X, y) = Blobs.Make(32, seed: 24);
        var reference = Blobs.Net();
        var fused = Twin(reference);
        using var adam = optim.Adam(reference.parameters(), lr: 0.01);
        using var fusedAdam = new FusedAdam(fused.parameters(), lr: 0.01);

        for (int step = 0; step < 3; step++)
        {
            Step(reference, adam, X, y);
            fused.zero_grad();                                                                     // sets .grad to null
            Blobs.CrossEntropy(fused.call(X), y).backward();                                      // fresh gradients, outside the buffer
            fusedAdam.step();
        }

        foreach (var (expected, actual) in reference.parameters().Zip(fused.parameters()))
            Assert.True(MaxAbsDifference(expected, actual) < 1e-5, $"max |Δθ| = {MaxAbsDifference(expected, actual):G3}");
    }

    [Fact]
    public void TrainerFitLowersTheLoss()
    {
        var (X, y) = Blobs.Make(512, seed: 25);
        var net = Blobs.Net();
        using var optimizer = new FusedAdam(net.parameters(), lr: 0.01);

        var history = Trainer.Fit(net, X, y, Blobs.CrossEntropy, optimizer, new TrainOptions(NumEpochs: 5, BatchSize: 64, ShowProgress: false));

        Assert.True(history[^1].TrainLoss < history[0].TrainLoss / 2, $"loss went {history[0].TrainLoss} → {history[^1].TrainLoss}");
    }

    [Fact]
    public void ASchedulerChangesTheLearningRate()
    {
        var (X, y) = Blobs.Make(64, seed: 26);
        var net = Blobs.Net();
        using var optimizer = new FusedAdam(net.parameters(), lr: 0.1);
        Trainer.Fit(net, X, y, Blobs.CrossEntropy, optimizer,
            new TrainOptions(NumEpochs: 3, BatchSize: 16, ShowProgress: false, Scheduler: optim.lr_scheduler.StepLR(optimizer, step_size: 1, gamma: 0.5)));
        Assert.Equal(0.0125, optimizer.LearningRate, 10);
    }

    [Fact]
    public void FrozenParametersAreSkipped()
    {
        var net = Blobs.Net();
        var frozen = net.parameters().First();
        frozen.requires_grad = false;
        var before = frozen.detach().clone();
        using var optimizer = new FusedAdam(net.parameters(), lr: 0.1);
        var (X, y) = Blobs.Make(32, seed: 27);

        Step(net, optimizer, X, y);

        Assert.Equal(net.parameters().Count() - 1, optimizer.parameters().Count());
        Assert.True(before.Equals(frozen));
    }

    [Fact]
    public void AnEmptyParameterListThrowsSayingWhatToPass()
    {
        var e = Assert.Throws<ArgumentException>(() => new FusedAdam([]));
        Assert.Contains("no parameters that require gradients", e.Message);
        Assert.Contains("net.parameters()", e.Message);
    }

    [Fact]
    public void MixedDtypesThrowNamingBothAndTheFix()
    {
        var a = new Parameter(torch.zeros(3));
        var b = new Parameter(torch.zeros(3, dtype: ScalarType.Float64));
        var e = Assert.Throws<ArgumentException>(() => new FusedAdam([a, b]));
        Assert.Contains("Float32", e.Message);
        Assert.Contains("Float64", e.Message);
        Assert.Contains("net.to(", e.Message);
    }

    [Fact]
    public void AParameterGivenTwiceThrows()
    {
        var a = new Parameter(torch.zeros(3));
        Assert.Throws<ArgumentException>(() => new FusedAdam([a, a]));
    }

    [Theory]
    [InlineData(-1e-3, 0.9, 0.999, 1e-8, 0.0, "lr")]
    [InlineData(1e-3, 1.0, 0.999, 1e-8, 0.0, "beta1")]
    [InlineData(1e-3, 0.9, -0.1, 1e-8, 0.0, "beta2")]
    [InlineData(1e-3, 0.9, 0.999, -1.0, 0.0, "eps")]
    [InlineData(1e-3, 0.9, 0.999, 1e-8, -0.1, "weight_decay")]
    public void HyperParametersOutOfRangeThrowNamingThem(double lr, double beta1, double beta2, double eps, double weightDecay, string name) =>
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() =>
            new FusedAdam([new Parameter(torch.zeros(3))], lr, beta1, beta2, eps, weightDecay)).ParamName);

    [Fact]
    public void AfterDisposeTheModelKeepsItsWeightsAndStepThrows()
    {
        var net = Blobs.Net();
        var optimizer = new FusedAdam(net.parameters());
        var before = net.parameters().Select(p => p.detach().clone()).ToList();
        optimizer.Dispose();

        foreach (var (old, p) in before.Zip(net.parameters())) Assert.True(old.Equals(p));
        var (X, y) = Blobs.Make(8, seed: 28);
        Blobs.CrossEntropy(net.call(X), y).backward();                                            // gradients still accumulate
        Assert.Throws<ObjectDisposedException>(() => optimizer.step());
    }

    /// <summary>A new blobs MLP with <paramref name="net"/>'s weights and dtype.</summary>
    private static nn.Module<Tensor, Tensor> Twin(nn.Module<Tensor, Tensor> net)
    {
        var twin = Blobs.Net().to(net.parameters().First().dtype);
        using (torch.no_grad())
            foreach (var (mine, theirs) in twin.parameters().Zip(net.parameters())) mine.copy_(theirs);
        return twin;
    }

    private static void Step(nn.Module<Tensor, Tensor> net, optim.Optimizer optimizer, Tensor X, Tensor y)
    {
        optimizer.zero_grad();
        Blobs.CrossEntropy(net.call(X), y).backward();
        optimizer.step();
    }

    private static double MaxAbsDifference(Tensor a, Tensor b) => (a - b).abs().max().to_type(ScalarType.Float64).item<double>();
}
