using Course.Notebooks.Execution;
using Microsoft.CodeAnalysis;
using NuGet.Versioning;

namespace Course.Notebooks.Packages;

/// <summary>The packages and sources one notebook has asked for, turned into references for its cells.</summary>
/// <remarks>
/// <para>
/// A package the engine ships (<see cref="ShippedPackages"/>: Course, TorchSharp, Plotly.NET, …) binds to the engine's own
/// assemblies, whatever version is asked: one TorchSharp per process. Any other is restored with every package the notebook
/// asked for before it (one consistent graph, as .NET Interactive does) from the notebook's <c>#i</c> sources and the user's
/// configured ones, through <see cref="PackageRestorer"/>.
/// </para>
/// <para>
/// In a restored graph, a shipped package (a dependency on TorchSharp, say) is again the engine's, and an assembly the host
/// process already binds by name (<see cref="HostAssemblies"/>) is referenced from the host unless it loads beside it; the rest
/// are referenced from the NuGet packages folder, where Roslyn's loader loads them, and their native folders go to <see cref="NativeLibraries"/>.
/// </para>
/// </remarks>
internal sealed class NotebookPackages(string notebookFolder, PackageRestorer restorer)
{
    private readonly List<PackageRequest> restored = [];
    private readonly List<string> sources = [];
    private readonly List<string> leftOutSources = [];
    private readonly Dictionary<string, string> referenced = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> noted = new(StringComparer.Ordinal);

    /// <summary>Add a cell's <c>#i</c> sources and <c>#r "nuget: …"</c> requests; the new references for its compilation.</summary>
    /// <param name="requests">The cell's package requests, in order.</param>
    /// <param name="newSources">The cell's sources as written (URL or folder relative to the notebook).</param>
    /// <param name="note">Hears progress and notes, one line each (the cell's stderr).</param>
    /// <param name="cancellation">Stops a running restore.</param>
    /// <exception cref="PackageRestoreException">A request is malformed, conflicts with an earlier one, or cannot be restored.</exception>
    public async Task<IReadOnlyList<MetadataReference>> AddAsync(
        IReadOnlyList<PackageRequest> requests, IReadOnlyList<string> newSources, Action<string> note, CancellationToken cancellation)
    {
        foreach (var source in newSources)
        {
            if (SourceLocation.Resolve(source, notebookFolder, out var why) is not { } location) leftOutSources.Add(why!);
            else if (!sources.Contains(location)) sources.Add(location);
        }

        var references = new List<MetadataReference>();
        var pending = new List<PackageRequest>();
        foreach (var request in requests)
        {
            if (request.Problem() is { } problem) throw new PackageRestoreException(problem);
            if (ShippedPackages.Resolve(request.Id) is { } assemblies)
            {
                references.AddRange(Shipped(assemblies));
                if (ShippedVersionNote(request) is { } shippedNote) note(shippedNote);
                continue;
            }
            var earlier = restored.Concat(pending).FirstOrDefault(r => string.Equals(r.Id, request.Id, StringComparison.OrdinalIgnoreCase));
            if (earlier is null) pending.Add(request);
            else if (earlier.Version != request.Version)
                throw new PackageRestoreException($"{request.Directive}: this notebook already asked for {earlier.Directive}; a process loads one version of a package, so restart the notebook to change it.");
        }
        if (pending.Count == 0) return references;

        var result = await restorer.RestoreAsync([.. restored, .. pending], sources, line =>
        {
            foreach (var leftOut in leftOutSources) note($"note: {leftOut}");
            leftOutSources.Clear();
            note(line);
        }, cancellation);
        restored.AddRange(pending);
        if (!result.FromCache)
            foreach (var warning in result.Warnings) note($"warning {warning}");
        references.AddRange(Load(result.Packages, note));
        return references;
    }

    private List<MetadataReference> Load(IReadOnlyList<RestoredPackage> packages, Action<string> tell)
    {
        // A later restore includes the earlier packages again: say each thing about them once per notebook.
        void note(string line)
        {
            if (noted.Add(line)) tell(line);
        }
        var references = new List<MetadataReference>();
        foreach (var package in packages)
        {
            if (ShippedPackages.Covers(package.Id))
            {
                if (ShippedPackages.Resolve(package.Id) is not { } assemblies) continue;   // e.g. libtorch's native package: the engine has its own
                references.AddRange(Shipped(assemblies));
                if (ShippedPackages.VersionOf(package.Id) is { } shipped && !SameVersion(package.Version, shipped))
                    note($"note: {package.Id} {package.Version} (a dependency) uses the engine's {package.Id} {shipped}.");
                continue;
            }
            NativeLibraries.Add(package.NativeFolders);
            foreach (var path in package.Assemblies)
            {
                var file = Path.GetFileName(path);
                if (HostAssemblies.Find(file) is { } host && !LoadsBeside(path, host))
                {
                    if (HostAssemblies.VersionOf(path) is { } wanted && HostAssemblies.VersionOf(host) is { } has && wanted > has)
                        note($"note: {package.Id} {package.Version} brings {file} {wanted}, but the engine already runs its own {has}, which is the one used.");
                    references.Add(ScriptReferences.ForFile(host));
                }
                else if (referenced.TryGetValue(file, out var loaded))
                {
                    if (loaded != path) note($"note: {file} of {package.Id} {package.Version} is left out: this notebook already loaded {loaded}.");
                }
                else
                {
                    referenced[file] = path;
                    references.Add(ScriptReferences.ForFile(path));
                }
            }
        }
        return references;
    }

    /// <summary>True when <paramref name="path"/> is a newer version of a strong-named application (not framework) assembly the host has at <paramref name="host"/> but has not loaded: the runtime loads it beside the host's.</summary>
    private static bool LoadsBeside(string path, string host) =>
        !HostAssemblies.IsFramework(host) && HostAssemblies.IsStrongNamed(host) && !HostAssemblies.IsLoaded(host)
        && HostAssemblies.VersionOf(path) is { } wanted && HostAssemblies.VersionOf(host) is { } has && wanted > has;

    private static IEnumerable<MetadataReference> Shipped(IReadOnlyList<System.Reflection.Assembly> assemblies)
    {
        if (assemblies.Contains(typeof(TorchSharp.torch).Assembly))
            Course.Native.TorchNative.EnsureLoaded(); // before any cell touches torch (DESIGN.md, Facts)
        return assemblies.Select(ScriptReferences.For);
    }

    /// <summary>A note when NuGet would have picked another version than the engine's for <paramref name="request"/>.</summary>
    private static string? ShippedVersionNote(PackageRequest request)
    {
        if (request.Version is not { } wanted || request.Id.Equals("Course", StringComparison.OrdinalIgnoreCase)) return null;
        if (ShippedPackages.VersionOf(request.Id) is not { } shipped || !NuGetVersion.TryParse(shipped, out var version)) return null;
        var same = VersionRange.TryParse(wanted, allowFloating: true, out var range)
                   && range.Satisfies(version)
                   && (range.IsFloating || range.MinVersion is null || range.MinVersion == version);
        return same ? null : $"note: {request.Directive} uses the engine's {request.Id} {shipped} (one copy per process).";
    }

    private static bool SameVersion(string a, string b) =>
        NuGetVersion.TryParse(a, out var x) && NuGetVersion.TryParse(b, out var y) ? x == y : string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
