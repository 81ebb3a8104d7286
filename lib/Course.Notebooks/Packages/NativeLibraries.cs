using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace Course.Notebooks.Packages;

/// <summary>Lets restored packages' <c>[DllImport("name")]</c> find the native libraries NuGet put in their <c>runtimes/&lt;rid&gt;/native/</c> folders.</summary>
/// <remarks>
/// An application's build copies native assets next to it; a notebook's packages stay in the NuGet packages folder,
/// where the runtime does not look (and <c>LD_LIBRARY_PATH</c> is read only when a process starts). So every
/// load context gets a <see cref="AssemblyLoadContext.ResolvingUnmanagedDll"/> handler, the runtime's last step
/// after its own probing: it tries <c>name</c>, <c>libname.so</c>, <c>name.so</c> and <c>libname</c> (platform's
/// spelling) in the registered folders. Unlike <see cref="NativeLibrary.SetDllImportResolver"/>, which a library may
/// set for itself only once, the event leaves each library's own resolver alone.
/// </remarks>
public static class NativeLibraries
{
    private static readonly ConcurrentDictionary<string, byte> folders = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<AssemblyLoadContext, byte> hooked = new();
    private static int started;

    /// <summary>The folders searched so far, in the order they were added.</summary>
    public static IReadOnlyCollection<string> Folders => folders.Keys.ToList();

    /// <summary>Search <paramref name="nativeFolders"/> too when a native library is not found.</summary>
    public static void Add(IEnumerable<string> nativeFolders)
    {
        var any = false;
        foreach (var folder in nativeFolders) any |= folders.TryAdd(folder, 0);
        if (!any || Interlocked.Exchange(ref started, 1) == 1) return;
        AppDomain.CurrentDomain.AssemblyLoad += (_, e) => Hook(AssemblyLoadContext.GetLoadContext(e.LoadedAssembly));
        foreach (var context in AssemblyLoadContext.All) Hook(context);
    }

    /// <summary>The file in the registered folders that a <c>DllImport</c> of <paramref name="name"/> means, or null.</summary>
    public static string? Find(string name)
    {
        if (name.Length == 0 || name.Contains('/') || name.Contains('\\')) return null;   // a path: the runtime's own business
        foreach (var folder in folders.Keys)
            foreach (var candidate in Spellings(name))
            {
                var path = Path.Combine(folder, candidate);
                if (File.Exists(path)) return path;
            }
        return null;
    }

    private static IEnumerable<string> Spellings(string name)
    {
        var (prefix, suffix) = OperatingSystem.IsWindows() ? ("", ".dll") : OperatingSystem.IsMacOS() ? ("lib", ".dylib") : ("lib", ".so");
        yield return name;
        yield return prefix + name + suffix;
        yield return name + suffix;
        yield return prefix + name;
    }

    private static void Hook(AssemblyLoadContext? context)
    {
        if (context is null || !hooked.TryAdd(context, 0)) return;
        context.ResolvingUnmanagedDll += Resolve;
    }

    private static IntPtr Resolve(Assembly assembly, string name) =>
        Find(name) is { } path && NativeLibrary.TryLoad(path, out var handle) ? handle : IntPtr.Zero;
}
