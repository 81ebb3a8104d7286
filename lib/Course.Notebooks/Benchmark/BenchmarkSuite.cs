using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Data;
using Course.Native;
using TorchSharp;

namespace Course.Notebooks.Benchmark;

/// <summary><c>course bench</c>: runs every measurement in one process and returns DESIGN.md's figures.</summary>
/// <remarks>
/// DESIGN.md, "Performance targets": training at ≥ 0.6 of the same process's matmul peak (lecture AE, batch 256), resident
/// memory growth ≤ 50 MB over 30 epochs of the library's training loop, engine overhead ≤ 100 ms per trivial cell.
/// libtorch keeps its own thread count (all cores unless <c>OMP_NUM_THREADS</c> is set), for the peak and the training alike.
/// </remarks>
public static class BenchmarkSuite
{
    /// <summary>The JSON keys, in the order they are measured and reported (DESIGN.md, CLI).</summary>
    public static readonly IReadOnlyList<string> Keys =
        ["matmul_gflops", "ae_train_gflops", "ae_train_fraction_of_peak", "lenet_samples_per_second", "rss_growth_mb", "cell_overhead_ms"];

    /// <summary>Run every measurement with <paramref name="settings"/>.</summary>
    /// <param name="settings">Sizes and repetitions (<see cref="BenchmarkSettings.Full"/> or <see cref="BenchmarkSettings.Quick"/>).</param>
    /// <param name="progress">Told each step as it starts and, for long steps, their progress (null: nothing).</param>
    /// <param name="cancellation">Stops between steps.</param>
    /// <returns>One figure per key of <see cref="Keys"/>, in that order.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    /// <exception cref="DatasetException">The bundled digits cannot be found or read.</exception>
    public static async Task<IReadOnlyList<BenchmarkFigure>> RunAsync(BenchmarkSettings settings, IBenchmarkProgress? progress = null,
                                                                       CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        TorchNative.EnsureLoaded();                                                        // before the first torch call (DESIGN.md, Facts)
        progress ??= SilentBenchmarkProgress.Instance;
        Action<string> status = progress.Step;
        var s = settings;

        status("loading digits");
        var (train, _) = Mnist.Split(trainCount: s.Digits, testCount: 0);

        int threads = torch.get_num_threads();
        status($"matmul 1024×1024 float32, {threads} thread{(threads == 1 ? "" : "s")}: {s.MatmulRounds} rounds × {s.MatmulIterations}");
        double peak = MatmulPeak.Measure(1024, warmup: 5, iterations: s.MatmulIterations, rounds: s.MatmulRounds);
        cancellation.ThrowIfCancellationRequested();

        status($"lecture AE, batch 256: {s.AeWarmupEpochs} + {s.AeEpochs} epochs on {s.Digits:N0} digits");
        var ae = AutoencoderThroughput.Measure(train.Flat, s.AeWarmupEpochs, s.AeEpochs, batchSize: 256);
        cancellation.ThrowIfCancellationRequested();

        status($"LeNet-5, batch 64: {s.LeNetWarmupEpochs} + {s.LeNetEpochs} epochs on {s.Digits:N0} digits");
        double lenet = LeNetThroughput.Measure(train, s.LeNetWarmupEpochs, s.LeNetEpochs, batchSize: 64);
        cancellation.ThrowIfCancellationRequested();

        int memoryTotal = s.MemoryEpochs + 1;
        status($"memory: lecture AE, {memoryTotal} epochs (1 warm-up) on {s.Digits:N0} digits");
        double growth = TrainingMemory.Measure(train.Flat, s.MemoryEpochs, warmupEpochs: 1,
            onEpoch: e => progress.Detail($"epoch {e}/{memoryTotal}"));
        cancellation.ThrowIfCancellationRequested();

        status($"engine: {s.WarmupCells} + {s.Cells} cells `{CellOverhead.TrivialCell}`");
        double cell = await CellOverhead.MeasureAsync(s.WarmupCells, s.Cells, cancellation);

        return
        [
            new BenchmarkFigure("matmul_gflops", peak, "GFLOP/s"),
            new BenchmarkFigure("ae_train_gflops", ae.Gflops, "GFLOP/s"),
            BenchmarkFigure.AtLeast("ae_train_fraction_of_peak", ae.Gflops / peak, "", 0.6),
            new BenchmarkFigure("lenet_samples_per_second", lenet, "samples/s"),
            BenchmarkFigure.AtMost("rss_growth_mb", growth, "MB", 50),
            BenchmarkFigure.AtMost("cell_overhead_ms", cell, "ms", 100),
        ];
    }

    /// <summary>The figures as one JSON object <c>{ "matmul_gflops": …, … }</c>; a value that is not finite is written as null.</summary>
    public static string ToJson(IEnumerable<BenchmarkFigure> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var json = new JsonObject();
        foreach (var f in figures) json[f.Key] = double.IsFinite(f.Value) ? JsonValue.Create(f.Value) : null;
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>What the figures depend on: libtorch's thread count, the processor count and the 1-minute load average.</summary>
    /// <exception cref="DllNotFoundException">TorchSharp's native library cannot be loaded (the message says why).</exception>
    public static string Conditions()
    {
        TorchNative.EnsureLoaded();
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
        var omp = Environment.GetEnvironmentVariable("OMP_NUM_THREADS");
        return string.Create(CultureInfo.InvariantCulture,
            $"libtorch threads {torch.get_num_threads()}{(omp is null ? "" : $" (OMP_NUM_THREADS={omp})")} · {Environment.ProcessorCount} processors · load average {load}");
    }
}
