using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Course.Tests;

/// <summary>Makes TorchSharp loadable before any test runs, including tests that use torch without touching a Course type.</summary>
internal static class ModuleInit
{
    /// <summary>Run <see cref="Course.Native.TorchNative.EnsureLoaded"/> once for the test assembly.</summary>
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "Native loading must be fixed before any test touches TorchSharp.")]
    internal static void Initialize()
    {
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
