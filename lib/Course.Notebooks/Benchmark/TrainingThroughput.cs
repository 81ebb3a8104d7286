namespace Course.Notebooks.Benchmark;

/// <summary>How fast a network trained: samples per second and, where its operations are counted, GFLOP/s.</summary>
/// <param name="SamplesPerSecond">Median training samples per second over the timed epochs.</param>
/// <param name="Gflops">Billions of operations per second (<see cref="FlopCount"/>); NaN when not counted.</param>
public sealed record TrainingThroughput(double SamplesPerSecond, double Gflops);
