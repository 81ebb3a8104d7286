using System.Text.RegularExpressions;
using NuGet.Common;
using NuGet.Frameworks;
using NuGet.LibraryModel;
using NuGet.ProjectModel;

namespace Course.Notebooks.Packages;

/// <summary>Reads the <c>obj/project.assets.json</c> <c>dotnet restore</c> wrote for a <see cref="RestoreProject"/>.</summary>
/// <remarks>
/// The assets file holds the resolved graph per target: for <c>net10.0/linux-x64</c> NuGet has already picked each
/// package's runtime-specific assemblies and native libraries. A failed restore writes its errors there too
/// (NU1101 no such package, NU1102 no such version, NU1301 a source unreachable, …), with the sources it used.
/// </remarks>
public static partial class AssetsFile
{
    /// <summary>The packages restored for <paramref name="requests"/>, and NuGet's warnings as one-line notes.</summary>
    /// <exception cref="PackageRestoreException">The restore reported an error, or the file lacks the target.</exception>
    public static (IReadOnlyList<RestoredPackage> Packages, IReadOnlyList<string> Warnings) Read(string path, IReadOnlyList<PackageRequest> requests)
    {
        var lockFile = LockFileUtilities.GetLockFile(path, NullLogger.Instance)
            ?? throw new PackageRestoreException($"{Describe(requests)}: dotnet restore wrote no readable {path}.");
        var sources = lockFile.PackageSpec?.RestoreMetadata?.Sources.Select(s => s.Source).Distinct(StringComparer.OrdinalIgnoreCase).ToList() ?? [];
        var errors = lockFile.LogMessages.Where(m => m.Level == LogLevel.Error).Select(m => new RestoreMessage(m.Code.ToString(), m.Message, m.LibraryId)).ToList();
        if (errors.Count > 0) throw new PackageRestoreException(RestoreMessage.Describe(errors, requests, sources));
        var warnings = lockFile.LogMessages.Where(m => m.Level == LogLevel.Warning).Select(m => $"{m.Code}: {RestoreMessage.OneLine(m.Message)}").Distinct().ToList();

        var target = lockFile.GetTarget(NuGetFramework.Parse(RestoreProject.TargetFramework), RestoreProject.RuntimeIdentifier)
            ?? throw new PackageRestoreException($"{Describe(requests)}: {path} has no {RestoreProject.TargetFramework}/{RestoreProject.RuntimeIdentifier} target; delete {Path.GetDirectoryName(Path.GetDirectoryName(path))} and run the cell again.");
        var packages = new List<RestoredPackage>();
        foreach (var library in target.Libraries.Where(l => l.Type == LibraryType.Package))
        {
            var folder = PackageFolder(lockFile, library)
                ?? throw new PackageRestoreException($"{Describe(requests)}: {library.Name} {library.Version} is missing from the NuGet packages folder; run the cell again to restore it.");
            var runtime = Files(folder, library.RuntimeAssemblies);
            var runtimeNames = runtime.Select(Path.GetFileName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var compileOnly = Files(folder, library.CompileTimeAssemblies).Where(p => !runtimeNames.Contains(Path.GetFileName(p)));
            var native = Files(folder, library.NativeLibraries).Select(p => Path.GetDirectoryName(p)!).Distinct().ToList();
            packages.Add(new RestoredPackage(library.Name!, library.Version!.ToNormalizedString(), [.. runtime, .. compileOnly], native));
        }
        return (packages, warnings);
    }

    /// <summary>The sources a failed restore could not reach (NU1301), when that is all that went wrong; otherwise empty.</summary>
    /// <remarks>NuGet names the source in the message ("Unable to load the service index for source URL."); it may stop at the first one.</remarks>
    public static IReadOnlyList<string> UnreachableSources(string path)
    {
        var lockFile = LockFileUtilities.GetLockFile(path, NullLogger.Instance);
        var errors = lockFile?.LogMessages.Where(m => m.Level == LogLevel.Error).ToList() ?? [];
        var sources = errors.Select(m => m.Code == NuGetLogCode.NU1301 ? UnreachableSource().Match(m.Message) : null).ToList();
        return errors.Count > 0 && sources.All(s => s is { Success: true }) ? [.. sources.Select(s => s!.Groups["source"].Value).Distinct()] : [];
    }

    [GeneratedRegex(@"\bsource '?(?<source>[^\s']+?)'?\.?(\s|$)")]
    private static partial Regex UnreachableSource();

    /// <summary>"#r "nuget: A, 1.0"" or "#r "nuget: A", #r "nuget: B"", for messages about the whole restore.</summary>
    public static string Describe(IReadOnlyList<PackageRequest> requests) => string.Join(", ", requests.Select(r => r.Directive));

    private static string? PackageFolder(LockFile lockFile, LockFileTargetLibrary library)
    {
        var relative = lockFile.GetLibrary(library.Name, library.Version)?.Path;
        if (relative is null) return null;
        return lockFile.PackageFolders.Select(f => Path.Combine(f.Path, relative)).FirstOrDefault(Directory.Exists);
    }

    // "_._" marks "nothing for this framework" (the framework itself provides it).
    private static List<string> Files(string folder, IEnumerable<LockFileItem> items) =>
        items.Where(i => Path.GetFileName(i.Path) != "_._").Select(i => Path.GetFullPath(Path.Combine(folder, i.Path))).ToList();
}
