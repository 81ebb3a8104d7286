namespace Course.Notebooks.Benchmark;

/// <summary>How long <c>course bench</c> measures: sample counts, epochs and repetitions of each measurement.</summary>
/// <param name="Digits">Training digits from the bundled MNIST split (8,000 = all of <c>Mnist.Split().Train</c>).</param>
/// <param name="MatmulIterations">1024² products per timed round.</param>
/// <param name="MatmulRounds">Timed rounds; the median round counts.</param>
/// <param name="AeWarmupEpochs">Untimed epochs of the lecture AE.</param>
/// <param name="AeEpochs">Timed epochs of the lecture AE; the median epoch counts.</param>
/// <param name="LeNetWarmupEpochs">Untimed epochs of LeNet-5.</param>
/// <param name="LeNetEpochs">Timed epochs of LeNet-5; the median epoch counts.</param>
/// <param name="MemoryEpochs">Epochs over which resident-memory growth is measured (DESIGN.md: 30).</param>
/// <param name="WarmupCells">Untimed trivial cells after the engine's setup cell.</param>
/// <param name="Cells">Timed trivial cells; the median counts.</param>
public sealed record BenchmarkSettings(
    int Digits = 8000,
    int MatmulIterations = 20,
    int MatmulRounds = 7,
    int AeWarmupEpochs = 2,
    int AeEpochs = 8,
    int LeNetWarmupEpochs = 1,
    int LeNetEpochs = 3,
    int MemoryEpochs = 30,
    int WarmupCells = 5,
    int Cells = 31)
{
    /// <summary>The default run: every figure measured as DESIGN.md defines it (about half a minute on an idle 2-core machine).</summary>
    public static BenchmarkSettings Full => new();

    /// <summary>A run of a few seconds that exercises every measurement on little data (for tests, not for figures).</summary>
    public static BenchmarkSettings Quick => new(Digits: 512, MatmulIterations: 2, MatmulRounds: 2, AeWarmupEpochs: 1, AeEpochs: 1,
        LeNetWarmupEpochs: 0, LeNetEpochs: 1, MemoryEpochs: 2, WarmupCells: 1, Cells: 3);

    /// <summary>Throw when a count is out of range (the message names it).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
    public void Validate()
    {
        Require(Digits >= 1, nameof(Digits), Digits, "at least 1");
        Require(MatmulIterations >= 1, nameof(MatmulIterations), MatmulIterations, "at least 1");
        Require(MatmulRounds >= 1, nameof(MatmulRounds), MatmulRounds, "at least 1");
        Require(AeWarmupEpochs >= 0, nameof(AeWarmupEpochs), AeWarmupEpochs, "0 or more");
        Require(AeEpochs >= 1, nameof(AeEpochs), AeEpochs, "at least 1");
        Require(LeNetWarmupEpochs >= 0, nameof(LeNetWarmupEpochs), LeNetWarmupEpochs, "0 or more");
        Require(LeNetEpochs >= 1, nameof(LeNetEpochs), LeNetEpochs, "at least 1");
        Require(MemoryEpochs >= 1, nameof(MemoryEpochs), MemoryEpochs, "at least 1");
        Require(WarmupCells >= 0, nameof(WarmupCells), WarmupCells, "0 or more");
        Require(Cells >= 1, nameof(Cells), Cells, "at least 1");
    }

    private static void Require(bool ok, string name, int value, string rule)
    {
        if (!ok) throw new ArgumentOutOfRangeException(name, value, $"{name} must be {rule}, got {value}.");
    }
}
