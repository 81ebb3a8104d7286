using Course.Training;
using static TorchSharp.torch;

namespace Course.Notebooks.Benchmark;

/// <summary>How much the process's resident memory grows while <see cref="Trainer"/> trains for many epochs.</summary>
/// <remarks>
/// DESIGN.md, "Memory": a loop that lets tensors or TorchSharp's Scalars escape grows tens of MB per epoch; the
/// library's loop must stay within 50 MB over 30 epochs. Trains the lecture AE as <see cref="AutoencoderThroughput"/>
/// does (<see cref="AutoencoderThroughput.Network"/>, the library's <see cref="FusedAdam"/>, batch 256) and reads
/// <see cref="ResidentMemory.Megabytes"/> after the warm-up epochs and after the last epoch, with no collection forced by
/// the benchmark: what a notebook would see.
/// </remarks>
public static class TrainingMemory
{
    /// <summary>Resident-memory growth in MB from the end of the warm-up to the end of <paramref name="epochs"/> more epochs.</summary>
    /// <param name="X">Flat digits (N, 784) in [0, 1].</param>
    /// <param name="epochs">Epochs measured (30 in DESIGN.md's target).</param>
    /// <param name="warmupEpochs">Epochs before the first reading (allocator pools and caches fill up there).</param>
    /// <param name="onEpoch">Told each finished epoch's number, for progress (null: nothing).</param>
    /// <exception cref="ArgumentOutOfRangeException">An epoch count is out of range.</exception>
    public static double Measure(Tensor X, int epochs = 30, int warmupEpochs = 1, Action<int>? onEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(X);
        if (warmupEpochs < 1) throw new ArgumentOutOfRangeException(nameof(warmupEpochs), warmupEpochs, "warmupEpochs must be at least 1.");
        if (epochs < 1) throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "epochs must be at least 1.");
        Seeding.Set(0);
        using var net = AutoencoderThroughput.Network();
        using var optimizer = new FusedAdam(net.parameters(), lr: 1e-3);
        double afterWarmup = 0;
        Trainer.Fit(net, X, X, (xHat, x) => nn.functional.mse_loss(xHat, x), optimizer,
            new TrainOptions(NumEpochs: warmupEpochs + epochs, BatchSize: 256, ShowProgress: false, OnEpoch: e =>
            {
                if (e.Epoch == warmupEpochs) afterWarmup = ResidentMemory.Megabytes();
                onEpoch?.Invoke(e.Epoch);
            }));
        return ResidentMemory.Megabytes() - afterWarmup;
    }
}
