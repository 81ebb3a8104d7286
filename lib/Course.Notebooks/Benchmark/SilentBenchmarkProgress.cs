namespace Course.Notebooks.Benchmark;

/// <summary>Progress that goes nowhere.</summary>
internal sealed class SilentBenchmarkProgress : IBenchmarkProgress
{
    public static readonly SilentBenchmarkProgress Instance = new();

    public void Step(string description) { }

    public void Detail(string detail) { }
}
