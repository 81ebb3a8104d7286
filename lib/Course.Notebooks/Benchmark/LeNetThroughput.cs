using Course.Cnn;
using Course.Data;
using Course.Training;
using static TorchSharp.torch;

namespace Course.Notebooks.Benchmark;

/// <summary>Training speed of <see cref="LeNet5"/> through <see cref="Trainer"/>, in samples per second.</summary>
/// <remarks>
/// Seed 001, "LeNet-5": the published network (tanh, average pooling) trained as notebook 04-cnn-mnist trains it,
/// SGD with momentum 0.9 at batch 64 on cross-entropy. The figure is the median of the timed epochs'
/// <see cref="EpochStats.SamplesPerSecond"/> after <c>warmupEpochs</c> untimed ones.
/// </remarks>
public static class LeNetThroughput
{
    /// <summary>Train a fresh LeNet-5 on <paramref name="digits"/> and return its median training samples per second.</summary>
    /// <param name="digits">Digits to train on, e.g. <c>Mnist.Split().Train</c>.</param>
    /// <param name="warmupEpochs">Untimed epochs first.</param>
    /// <param name="epochs">Timed epochs.</param>
    /// <param name="batchSize">Samples per step (64, as in notebook 04-cnn-mnist).</param>
    /// <exception cref="ArgumentOutOfRangeException">An epoch count is out of range.</exception>
    public static double Measure(MnistData digits, int warmupEpochs = 1, int epochs = 3, int batchSize = 64)
    {
        ArgumentNullException.ThrowIfNull(digits);
        if (warmupEpochs < 0) throw new ArgumentOutOfRangeException(nameof(warmupEpochs), warmupEpochs, "warmupEpochs must be 0 or more.");
        if (epochs < 1) throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "epochs must be at least 1.");
        Seeding.Set(0);
        using var net = new LeNet5();
        using var optimizer = optim.SGD(net.parameters(), 0.05, momentum: 0.9);
        var history = Trainer.Fit(net, digits.Images, digits.Labels, (yHat, y) => nn.functional.cross_entropy(yHat, y), optimizer,
            new TrainOptions(NumEpochs: warmupEpochs + epochs, BatchSize: batchSize, ShowProgress: false));
        return Median.Of(history.Skip(warmupEpochs).Select(e => e.SamplesPerSecond));
    }
}
