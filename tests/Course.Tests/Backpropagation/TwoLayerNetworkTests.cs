using Course.Backpropagation;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Backpropagation;

/// <summary>The hand-written backward pass against TorchSharp's autograd and finite differences, and training both ways.</summary>
public sealed class TwoLayerNetworkTests
{
    private static (Tensor X, Tensor Y) RandomBatch(Generator generator, int batch, int inputs, int classes, ScalarType dtype) =>
        (randn(batch, inputs, dtype: dtype, generator: generator), randint(0, classes, [batch], generator: generator));

    [Theory]
    [InlineData(Activation.Relu, 1)]
    [InlineData(Activation.Tanh, 2)]
    [InlineData(Activation.Sigmoid, 3)]
    [InlineData(Activation.Relu, 4)]
    public void HandBackpropMatchesAutogradOnRandomBatches(Activation activation, int seed)
    {
        using var scope = NewDisposeScope();
        var generator = new Generator((ulong)seed);
        var network = new TwoLayerNetwork(20, 16, 5, activation, generator, ScalarType.Float64);
        var (x, y) = RandomBatch(generator, 32, 20, 5, ScalarType.Float64);
        var byHand = network.Backward(network.Forward(x), y);
        var byAutograd = new TwoLayerModule(network).Gradients(x, y);
        Assert.True(byHand.MaxAbsDifference(byAutograd) < 1e-12, $"max |hand − autograd| = {byHand.MaxAbsDifference(byAutograd)}");
        Assert.True(byHand.All.All(g => g.abs().max().item<double>() > 1e-4), "a gradient is all zeros: the comparison proves nothing");
    }

    [Fact]
    public void HandBackpropMatchesAutogradInFloat32()
    {
        using var scope = NewDisposeScope();
        var generator = new Generator(7);
        var network = new TwoLayerNetwork(784, 64, 10, Activation.Relu, generator);
        var (x, y) = RandomBatch(generator, 128, 784, 10, ScalarType.Float32);
        var byHand = network.Backward(network.Forward(x.sigmoid()), y);
        var byAutograd = new TwoLayerModule(network).Gradients(x.sigmoid(), y);
        Assert.True(byHand.MaxAbsDifference(byAutograd) < 1e-6);
    }

    [Fact]
    public void HandBackpropMatchesFiniteDifferences()
    {
        using var scope = NewDisposeScope();
        var generator = new Generator(5);
        var network = new TwoLayerNetwork(4, 3, 3, Activation.Tanh, generator, ScalarType.Float64);
        var (x, y) = RandomBatch(generator, 6, 4, 3, ScalarType.Float64);
        var byHand = network.Backward(network.Forward(x), y);
        for (int i = 0; i < 4; i++)
        {
            var numerical = GradientCheck.Numerical(() => network.Loss(network.Forward(x), y), network.Parameters[i]);
            Assert.True((numerical - byHand.All[i]).abs().max().item<double>() < 1e-8, $"weight {i + 1}");
        }
    }

    [Fact]
    public void AFloat64CloneHasTheSameWeightsAndGradients()
    {
        using var scope = NewDisposeScope();
        var generator = new Generator(12);
        var network = new TwoLayerNetwork(30, 10, 4, Activation.Relu, generator);
        var (x, y) = RandomBatch(generator, 16, 30, 4, ScalarType.Float32);
        var wide = network.Clone(ScalarType.Float64);
        Assert.Equal(ScalarType.Float64, wide.W1.dtype);
        Assert.True((wide.W2 - network.W2.to_type(ScalarType.Float64)).abs().max().item<double>() == 0);
        var g32 = network.Backward(network.Forward(x), y);
        var g64 = wide.Backward(wide.Forward(x.to_type(ScalarType.Float64)), y);
        Assert.True(g32.MaxAbsDifference(g64) < 1e-6);
    }

    [Fact]
    public void TrainingByHandAndByAutogradFromTheSameStartGivesTheSameWeights()
    {
        using var scope = NewDisposeScope();
        var generator = new Generator(6);
        var network = new TwoLayerNetwork(10, 8, 4, Activation.Relu, generator, ScalarType.Float64);
        var module = new TwoLayerModule(network);
        var optimizer = optim.SGD(module.parameters(), 0.5);
        var (x, y) = RandomBatch(generator, 40, 10, 4, ScalarType.Float64);
        double firstLoss = network.Loss(network.Forward(x), y);
        for (int step = 0; step < 20; step++)
        {
            network.Step(network.Backward(network.Forward(x), y), 0.5);
            optimizer.zero_grad();
            nn.functional.cross_entropy(module.call(x), y).backward();
            optimizer.step();
        }
        Assert.True(network.Loss(network.Forward(x), y) < 0.8 * firstLoss);
        for (int i = 0; i < 4; i++)
            Assert.True((network.Parameters[i] - module.Weights[i]).abs().max().item<double>() < 1e-10);
    }

    [Fact]
    public void CloneHasItsOwnWeights()
    {
        using var scope = NewDisposeScope();
        var network = new TwoLayerNetwork(3, 2, 2, generator: new Generator(8));
        var copy = network.Clone();
        network.Step(new NetworkGradients(ones(3, 2), ones(2), ones(2, 2), ones(2)), 1);
        Assert.True((copy.W1 - network.W1 - 1).abs().max().item<float>() < 1e-6);
    }

    [Fact]
    public void AnInputOfTheWrongWidthIsAOneLineErrorNamingTheShapes()
    {
        using var scope = NewDisposeScope();
        var network = new TwoLayerNetwork(784, 32, 10, generator: new Generator(9));
        var e = Assert.Throws<ArgumentException>(() => network.Forward(zeros(8, 1, 28, 28)));
        Assert.Contains("(8, 1, 28, 28)", e.Message);
        Assert.Contains("(784, 32)", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        var module = Assert.Throws<ArgumentException>(() => new TwoLayerModule(network).call(zeros(8, 100)));
        Assert.Contains("(8, 100)", module.Message);
        Assert.DoesNotContain('\n', module.Message);
    }

    [Fact]
    public void LabelsOfAnotherBatchAreAOneLineError()
    {
        using var scope = NewDisposeScope();
        var network = new TwoLayerNetwork(5, 3, 2, generator: new Generator(10));
        var cache = network.Forward(zeros(4, 5));
        var e = Assert.Throws<ArgumentException>(() => network.Backward(cache, zeros(6, ScalarType.Int64)));
        Assert.Contains("(6)", e.Message);
        Assert.Contains("4 rows", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void AGradientOfTheWrongShapeIsRefusedByStep()
    {
        using var scope = NewDisposeScope();
        var network = new TwoLayerNetwork(5, 3, 2, generator: new Generator(11));
        var e = Assert.Throws<ArgumentException>(() => network.Step(new NetworkGradients(ones(3, 5), ones(3), ones(3, 2), ones(2)), 0.1));
        Assert.Contains("(3, 5)", e.Message);
    }
}
