using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Course.Notebooks.Tests;

/// <summary>One libtorch thread per process for the whole suite (<c>COURSE_THREADS=1</c>, inherited by every CLI, grader and kernel it starts).</summary>
/// <remarks>
/// Test classes run in parallel and start their own processes, so two or three notebooks train at once on this 2-core
/// machine; with libtorch's default of a thread per core each, they oversubscribe the cores and every one slows down
/// several times over. A thread each keeps the cores busy without contention. Set <c>COURSE_THREADS</c> to override.
/// </remarks>
internal static class ModuleInit
{
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "The thread count must be set before any test loads TorchSharp or starts a process.")]
    internal static void Initialize()
    {
        if (Environment.GetEnvironmentVariable("COURSE_THREADS") is null) Environment.SetEnvironmentVariable("COURSE_THREADS", "1");
    }
}
