using System.Runtime.InteropServices;

namespace Course.Native;

/// <summary>Find which file the dynamic linker uses for a library name in this process.</summary>
/// <remarks>
/// Loads the library by name (as a dependency would be found) and reads its path from
/// <c>/proc/self/maps</c>, so the answer is the file that is really mapped, whatever
/// <c>LD_LIBRARY_PATH</c> or the linker cache say. <see cref="TorchNative"/> uses it to read the
/// versions the system <c>libstdc++.so.6</c> defines.
/// </remarks>
internal static class LoadedLibraries
{
    /// <summary>The mapped file for <paramref name="soname"/> (e.g. <c>libstdc++.so.6</c>), or null when it cannot be loaded.</summary>
    public static string? PathOf(string soname)
    {
        if (!NativeLibrary.TryLoad(soname, out _))
            return null;
        var stem = soname.Split(".so")[0] + ".so";      // libstdc++.so.6 is mapped as libstdc++.so.6.0.30
        return File.ReadLines("/proc/self/maps")
            .Select(line => line.IndexOf('/') is var at and >= 0 ? line[at..].Replace(" (deleted)", "") : null)
            .FirstOrDefault(path => path is not null && Path.GetFileName(path).StartsWith(stem, StringComparison.Ordinal));
    }
}
