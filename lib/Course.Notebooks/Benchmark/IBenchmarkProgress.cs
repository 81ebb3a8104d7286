namespace Course.Notebooks.Benchmark;

/// <summary>What <see cref="BenchmarkSuite"/> tells its front end while it measures (the CLI's status line).</summary>
public interface IBenchmarkProgress
{
    /// <summary>A measurement starts, e.g. <c>lecture AE, batch 256: 2 + 8 epochs on 8,000 digits</c>.</summary>
    void Step(string description);

    /// <summary>Progress within the current measurement, e.g. <c>epoch 12/31</c>.</summary>
    void Detail(string detail);
}
