using System.Reflection;

namespace Course.Notebooks.Packages;

/// <summary>The assemblies the engine's own process binds by name: the .NET framework and the application's dependencies.</summary>
/// <remarks>
/// Roslyn's script loader lets the default load context answer first, so a restored package's copy of an assembly the
/// host already has (TorchSharp, FSharp.Core, System.Text.Json, Markdig, …) is usually not the one that runs, and cells
/// are compiled against the host's copy. The exception: a newer version of a strong-named application assembly (not a
/// framework one) that the host has not loaded yet, which the default context refuses and Roslyn's loader then loads
/// beside the host's (SkiaSharp 3 in a notebook while TorchSharp keeps its SkiaSharp 2.88). Once loaded, the host's copy
/// answers every request by name.
/// </remarks>
public static class HostAssemblies
{
    private static readonly Lazy<Dictionary<string, string>> byName = new(() =>
        (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .GroupBy(p => Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase));

    /// <summary>The host's file for an assembly named like <paramref name="assemblyFile"/> (<c>Foo.dll</c> → <c>Foo</c>), or null.</summary>
    public static string? Find(string assemblyFile) => byName.Value.GetValueOrDefault(Path.GetFileNameWithoutExtension(assemblyFile));

    /// <summary>True when <paramref name="path"/> is in the .NET runtime's own folder (System.*, netstandard, …).</summary>
    public static bool IsFramework(string path) =>
        string.Equals(Path.GetDirectoryName(path), Path.GetDirectoryName(typeof(object).Assembly.Location), StringComparison.Ordinal);

    /// <summary>True when <paramref name="path"/> is a strong-named assembly: the runtime then binds a request for a newer version elsewhere.</summary>
    /// <remarks>For a weak-named one the application's copy answers every request by name, whatever version is asked.</remarks>
    public static bool IsStrongNamed(string path)
    {
        try
        {
            return AssemblyName.GetAssemblyName(path).GetPublicKeyToken() is { Length: > 0 };
        }
        catch (Exception e) when (e is BadImageFormatException or IOException)
        {
            return false;
        }
    }

    /// <summary>True when the default load context has already loaded an assembly named like <paramref name="assemblyFile"/>: it then answers every request by that name.</summary>
    public static bool IsLoaded(string assemblyFile)
    {
        var name = Path.GetFileNameWithoutExtension(assemblyFile);
        return System.Runtime.Loader.AssemblyLoadContext.Default.Assemblies.Any(a => string.Equals(a.GetName().Name, name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The assembly version in <paramref name="path"/>'s metadata, or null when it is not an assembly.</summary>
    public static Version? VersionOf(string path)
    {
        try
        {
            return AssemblyName.GetAssemblyName(path).Version;
        }
        catch (Exception e) when (e is BadImageFormatException or IOException)
        {
            return null;
        }
    }
}
