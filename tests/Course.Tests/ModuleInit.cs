using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Course.Tests;

/// <summary>Makes TorchSharp loadable before any test runs, including tests that use torch without touching a Course type.</summary>
/// <remarks>
/// One libtorch thread (<c>COURSE_THREADS=1</c> unless set): this assembly's tests run beside the notebook tests'
/// processes on the 2-core machine, and a thread per core each would oversubscribe it.
/// </remarks>
internal static class ModuleInit
{
    /// <summary>Run <see cref="Course.Native.TorchNative.EnsureLoaded"/> once for the test assembly.</summary>
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "Native loading must be fixed before any test touches TorchSharp.")]
    internal static void Initialize()
    {
        if (Environment.GetEnvironmentVariable("COURSE_THREADS") is null) Environment.SetEnvironmentVariable("COURSE_THREADS", "1");
        try
        {
            Course.Native.TorchNative.EnsureLoaded();
        }
        catch (DllNotFoundException)
        {
            // Course's own module initializer already printed the one-line reason;
            // Native/TorchNativeTests fails with it. Throwing here would hide every test.
        }
    }
}
