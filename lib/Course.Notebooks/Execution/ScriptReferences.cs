using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Course.Notebooks.Execution;

/// <summary>Metadata references for scripts: the .NET base library plus what cells reference.</summary>
/// <remarks>References are built once per process and shared by every notebook's script state.</remarks>
internal static class ScriptReferences
{
    private static readonly ConcurrentDictionary<string, MetadataReference> cache = new(StringComparer.Ordinal);

    private static readonly Lazy<IReadOnlyList<MetadataReference>> framework = new(() =>
    {
        var runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var tpa = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "").Split(Path.PathSeparator);
        return tpa.Where(p => Path.GetDirectoryName(p) == runtimeDir)
                  .Where(p => Path.GetFileName(p) is var n && (n.StartsWith("System.", StringComparison.Ordinal) || n is "netstandard.dll" or "mscorlib.dll" or "Microsoft.CSharp.dll" or "Microsoft.Win32.Primitives.dll"))
                  .Where(p => !p.EndsWith(".Native.dll", StringComparison.Ordinal))
                  .Select(ForFile)
                  .ToList();
    });

    /// <summary>The base library: every System.* assembly of the running framework.</summary>
    public static IReadOnlyList<MetadataReference> Framework => framework.Value;

    /// <summary>A reference to a loaded assembly.</summary>
    public static MetadataReference For(Assembly assembly) => ForFile(assembly.Location);

    /// <summary>A reference to an assembly file.</summary>
    public static MetadataReference ForFile(string path) => cache.GetOrAdd(path, p => MetadataReference.CreateFromFile(p));
}
