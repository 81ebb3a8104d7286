using static TorchSharp.torch;

namespace Course.Native;

/// <summary>
/// <c>COURSE_THREADS=N</c> sets libtorch's intra-op thread count for the whole process (<c>torch.set_num_threads</c>), so
/// several kernels, graders or test runs can share a machine without each spinning a thread per core.
/// </summary>
/// <remarks>Unset: libtorch's own default (one thread per core, or <c>OMP_NUM_THREADS</c>).</remarks>
public static class ThreadCount
{
    /// <summary>The environment variable read: <c>COURSE_THREADS</c>.</summary>
    public const string Variable = "COURSE_THREADS";

    /// <summary>Apply <c>COURSE_THREADS</c> when it is set; a value that is not a positive whole number gets a one-line message and is ignored.</summary>
    public static void Apply()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(value)) return;
        if (Parse(value) is { } threads) set_num_threads(threads);
        else Console.Error.WriteLine($"{Variable}={value} is not a positive whole number of threads; libtorch keeps {get_num_threads()} (unset it or give e.g. {Variable}=1)");
    }

    /// <summary>The thread count <paramref name="value"/> asks for, or null when it is not a positive whole number.</summary>
    public static int? Parse(string value) => int.TryParse(value.Trim(), out var n) && n > 0 ? n : null;
}
