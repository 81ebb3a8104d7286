using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace Course.Notebooks.Benchmark;

/// <summary>This process's float32 matrix-multiply speed: the peak that training throughput is compared with.</summary>
/// <remarks>
/// Multiplies two random 1024×1024 float32 matrices with libtorch's own thread count (all cores unless
/// <c>OMP_NUM_THREADS</c> says otherwise): a few untimed products first (thread pool, caches, allocator), then
/// <c>rounds</c> timed rounds of <c>iterations</c> products each. Each product is <see cref="FlopCount.Matmul"/> = 2·n³
/// operations; the figure is the median round's GFLOP/s, so one round slowed by another process does not decide it.
/// </remarks>
public static class MatmulPeak
{
    /// <summary>Median GFLOP/s of <paramref name="rounds"/> rounds of <paramref name="iterations"/> n×n products.</summary>
    /// <param name="n">Matrix size (1024 in <c>course bench</c>).</param>
    /// <param name="warmup">Untimed products before the first round.</param>
    /// <param name="iterations">Products per timed round.</param>
    /// <param name="rounds">Timed rounds.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
    public static double Measure(int n = 1024, int warmup = 5, int iterations = 20, int rounds = 7)
    {
        if (warmup < 0) throw new ArgumentOutOfRangeException(nameof(warmup), warmup, "warmup must be 0 or more.");
        if (iterations < 1) throw new ArgumentOutOfRangeException(nameof(iterations), iterations, "iterations must be at least 1.");
        if (rounds < 1) throw new ArgumentOutOfRangeException(nameof(rounds), rounds, "rounds must be at least 1.");
        double flops = FlopCount.Matmul(n);
        using var scope = torch.NewDisposeScope();
        using var generator = new torch.Generator(0);
        var a = torch.rand([n, n], generator: generator);                                 // (n, n) float32
        var b = torch.rand([n, n], generator: generator);                                 // (n, n) float32
        for (int i = 0; i < warmup; i++) Multiply(a, b);

        var perRound = new double[rounds];
        for (int r = 0; r < rounds; r++)
        {
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < iterations; i++) Multiply(a, b);
            perRound[r] = flops * iterations / clock.Elapsed.TotalSeconds / 1e9;
        }
        return Median.Of(perRound);
    }

    private static void Multiply(Tensor a, Tensor b)
    {
        using var scope = torch.NewDisposeScope();
        a.matmul(b);                                                                      // (n, n); freed at once
    }
}
