using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Course.Native;

/// <summary>Runs <see cref="TorchNative.EnsureLoaded"/> and <see cref="ThreadCount.Apply"/> when the Course assembly is first used.</summary>
/// <remarks>
/// A module initializer runs before any Course type is touched, so notebooks, the CLI and tests get
/// a loadable TorchSharp without calling anything. It never throws (a throwing module initializer
/// would make every Course type unusable): if the fix fails it writes its one-line reason to stderr,
/// and an explicit <see cref="TorchNative.EnsureLoaded"/> call throws the same line.
/// </remarks>
internal static class ModuleInit
{
    /// <summary>Check, and if needed fix, TorchSharp's native library once per process.</summary>
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "A library must fix native loading before any of its own or TorchSharp's code runs.")]
    internal static void Initialize()
    {
        try
        {
            TorchNative.EnsureLoaded();
            ThreadCount.Apply();
        }
        catch (DllNotFoundException e)
        {
            Console.Error.WriteLine(e.Message);
        }
    }
}
