using Course.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Course.Notebooks.Benchmark;

/// <summary>Training speed of the lecture autoencoder through <see cref="Trainer"/>, in samples/s and GFLOP/s.</summary>
/// <remarks>
/// Seed 003, "實作 Encoder" / "實作 Decoder": Linear 784→256→128→64→2 with ReLU between, mirrored back to 784 with a
/// sigmoid output, trained on MSE with Adam at batch 256 (notebook 07-autoencoder), here the library's
/// <see cref="FusedAdam"/> (<c>optim.Adam</c>'s update, applied to all weights at once instead of tensor by tensor).
/// The throughput is the median of the timed epochs' <see cref="EpochStats.SamplesPerSecond"/> after <c>warmupEpochs</c>
/// untimed ones; GFLOP/s multiplies it by <see cref="FlopCount.LinearTrainingPerSample(nn.Module)"/>. DESIGN.md's target:
/// at least 0.6 of <see cref="MatmulPeak"/>.
/// </remarks>
public static class AutoencoderThroughput
{
    /// <summary>The lecture AE as one <c>Sequential</c>: (B, 784) → (B, 2) code → (B, 784) in [0, 1].</summary>
    public static Sequential Network() => Sequential(
        Linear(784, 256), ReLU(), Linear(256, 128), ReLU(), Linear(128, 64), ReLU(), Linear(64, 2),   // encoder → (B, 2)
        Linear(2, 64), ReLU(), Linear(64, 128), ReLU(), Linear(128, 256), ReLU(), Linear(256, 784),   // decoder → (B, 784)
        Sigmoid());

    /// <summary>Train a fresh <see cref="Network"/> on <paramref name="X"/> (its own target) and time it.</summary>
    /// <param name="X">Flat digits (N, 784) in [0, 1], e.g. <c>Mnist.Split().Train.Flat</c>.</param>
    /// <param name="warmupEpochs">Untimed epochs first (allocator, thread pool, JIT).</param>
    /// <param name="epochs">Timed epochs.</param>
    /// <param name="batchSize">Samples per step (256 in DESIGN.md's target).</param>
    /// <exception cref="ArgumentException"><paramref name="X"/> is not (N, 784).</exception>
    /// <exception cref="ArgumentOutOfRangeException">An epoch count or the batch size is out of range.</exception>
    public static TrainingThroughput Measure(Tensor X, int warmupEpochs = 2, int epochs = 8, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(X);
        if (X.dim() != 2 || X.shape[1] != 784)
            throw new ArgumentException($"The lecture AE takes flat digits (N, 784), got ({string.Join(", ", X.shape)}); pass MnistData.Flat.", nameof(X));
        if (warmupEpochs < 0) throw new ArgumentOutOfRangeException(nameof(warmupEpochs), warmupEpochs, "warmupEpochs must be 0 or more.");
        if (epochs < 1) throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "epochs must be at least 1.");
        Seeding.Set(0);
        using var net = Network();
        double flopsPerSample = FlopCount.LinearTrainingPerSample(net);                    // 2,901,504
        using var optimizer = new FusedAdam(net.parameters(), lr: 1e-3);
        var history = Trainer.Fit(net, X, X, (xHat, x) => functional.mse_loss(xHat, x), optimizer,
            new TrainOptions(NumEpochs: warmupEpochs + epochs, BatchSize: batchSize, ShowProgress: false));
        var samplesPerSecond = Median.Of(history.Skip(warmupEpochs).Select(e => e.SamplesPerSecond));
        return new TrainingThroughput(samplesPerSecond, samplesPerSecond * flopsPerSample / 1e9);
    }
}
