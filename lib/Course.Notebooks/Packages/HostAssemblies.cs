using System.Reflection;

namespace Course.Notebooks.Packages;

/// <summary>The assemblies the engine's own process binds by name: the .NET framework and the application's dependencies.</summary>
/// <remarks>
/// Roslyn's script loader lets the default load context answer first, so a restored package's copy of an assembly the
/// host already has (TorchSharp, FSharp.Core, System.Text.Json, Newtonsoft.Json, …) is never the one that runs.
/// Cells are therefore compiled against the host's copy as well, and a package that needs a newer one gets a note.
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
