using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Course.Notebooks.Packages;

/// <summary>Restores a set of packages through the SDK's real restore, once per machine: later runs read the cache.</summary>
/// <remarks>
/// <para>
/// A set of requests and sources gets a folder under <see cref="CacheRoot"/> named after the SHA-256 of the set
/// (framework, runtime, each id and version as written, each source). The first time, <c>dotnet restore</c> runs on a
/// generated project there (<see cref="RestoreProject"/>) and the packages it chose are written to <c>resolved.json</c>;
/// every later time that file is read and nothing else runs, so a notebook restores offline and in milliseconds.
/// A floating version (<c>1.*</c>, no version) keeps the version it first resolved to: delete the folder to look again.
/// </para>
/// <para>
/// Processes share the cache: a lock file per set makes a second process wait for the first restore and then read its
/// result. An entry whose files have gone (a cleaned NuGet packages folder) is restored again.
/// </para>
/// </remarks>
public sealed class PackageRestorer
{
    private const string Format = "course-nuget-restore 1";
    private static readonly JsonSerializerOptions json = new() { WriteIndented = true };
    private int restoresRun;
    private string? cacheRoot;
    private string? dotnet;

    /// <summary>The restorer of the user's machine: the per-user cache, the user's NuGet.Config and packages folder.</summary>
    public static PackageRestorer Default { get; } = new();

    /// <summary>Where restores are kept: <c>$XDG_CACHE_HOME/course/nuget</c> (default <c>~/.cache/course/nuget</c>; the temp folder when neither can be written).</summary>
    public string CacheRoot
    {
        get => cacheRoot ??= WritableRoot();
        init => cacheRoot = value;
    }

    /// <summary>The <c>dotnet</c> command that restores: the running runtime's own by default.</summary>
    public string Dotnet
    {
        get => dotnet ??= DotnetRestore.LocateDotnet();
        init => dotnet = value;
    }

    /// <summary>A NuGet.Config to use instead of the user's (<c>--configfile</c>); null: the user's.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Extra environment for <c>dotnet restore</c>, e.g. <c>NUGET_PACKAGES</c> for another packages folder.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>How long one restore may take before it is stopped.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How many times this restorer has run <c>dotnet restore</c> (a cache hit runs none).</summary>
    public int RestoresRun => restoresRun;

    /// <summary>The packages <paramref name="requests"/> resolve to from <paramref name="sources"/> (and the user's configured ones), dependencies included.</summary>
    /// <param name="requests">Checked requests (<see cref="PackageRequest.Problem"/>), at most one per id.</param>
    /// <param name="sources">Extra feeds: URLs or absolute folders (<see cref="SourceLocation"/>).</param>
    /// <param name="progress">Hears a line when a restore starts and when it ends; silent on a cache hit.</param>
    /// <param name="cancellation">Stops a running restore (the process tree is killed).</param>
    /// <exception cref="PackageRestoreException">The restore failed; the message is one line.</exception>
    public async Task<RestoreResult> RestoreAsync(IReadOnlyList<PackageRequest> requests, IReadOnlyList<string> sources, Action<string> progress, CancellationToken cancellation = default)
    {
        var folder = Path.Combine(CacheRoot, Key(requests, sources));
        var manifest = Path.Combine(folder, "resolved.json");
        var what = AssetsFile.Describe(requests);
        if (ReadCached(manifest) is { } cached) return cached;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PackageRestoreException($"{what}: cannot write the package cache {folder} ({e.Message}); make $XDG_CACHE_HOME or ~/.cache writable.");
        }
        try
        {
            using var held = await LockAsync(Path.Combine(folder, "restore.lock"), cancellation);
            return ReadCached(manifest) ?? await RestoreLockedAsync(requests, sources, folder, manifest, what, progress, cancellation);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PackageRestoreException($"{what}: cannot write the package cache {folder} ({e.Message}); make $XDG_CACHE_HOME or ~/.cache writable.");
        }
    }

    private async Task<RestoreResult> RestoreLockedAsync(
        IReadOnlyList<PackageRequest> requests, IReadOnlyList<string> sources, string folder, string manifest, string what, Action<string> progress, CancellationToken cancellation)
    {

        progress($"Restoring {string.Join(", ", requests)} ...");
        var clock = Stopwatch.StartNew();
        var project = Path.Combine(folder, "project", "notebook.csproj");
        var obj = Path.Combine(folder, "project", "obj");
        var assets = Path.Combine(obj, "project.assets.json");
        async Task<(int ExitCode, string Output)> Restore(IReadOnlyList<string> used)
        {
            if (Directory.Exists(obj)) Directory.Delete(obj, recursive: true);   // never read a previous attempt's assets
            Directory.CreateDirectory(Path.GetDirectoryName(project)!);
            await File.WriteAllTextAsync(project, RestoreProject.Create(requests, used), cancellation);
            Interlocked.Increment(ref restoresRun);
            return await DotnetRestore.RunAsync(Dotnet, project, ConfigFile, Environment, Timeout, what, cancellation);
        }

        // A notebook's own #i feed that is gone or out of reach (old notebooks name retired feeds) is left out and the
        // restore runs again without it; NuGet may name one such feed per attempt. The user's configured sources must answer.
        var used = sources.ToList();
        var (exitCode, output) = await Restore(used);
        while (exitCode != 0 && File.Exists(assets) && AssetsFile.UnreachableSources(assets) is { Count: > 0 } unreachable
               && unreachable.All(u => used.Any(s => SameSource(s, u))))
        {
            progress($"note: cannot reach {string.Join(", ", unreachable.Select(u => $"#i \"nuget: {u}\""))}; restoring without {(unreachable.Count == 1 ? "it" : "them")}");
            used.RemoveAll(s => unreachable.Any(u => SameSource(s, u)));
            (exitCode, output) = await Restore(used);
        }
        if (!File.Exists(assets))
            throw new PackageRestoreException($"{what}: dotnet restore failed (exit code {exitCode}): {FirstError(output)}");
        var (packages, warnings) = AssetsFile.Read(assets, requests);
        if (exitCode != 0)
            throw new PackageRestoreException($"{what}: dotnet restore failed (exit code {exitCode}): {FirstError(output)}");

        var result = new RestoreResult(packages, warnings, FromCache: false);
        var temp = $"{manifest}.{System.Environment.ProcessId}.tmp";
        await File.WriteAllTextAsync(temp, JsonSerializer.Serialize(result, json), cancellation);
        File.Move(temp, manifest, overwrite: true);
        progress($"Restored {Summary(requests, packages)} in {clock.Elapsed.TotalSeconds:F1} s");
        return result;
    }

    // The first default root that can be created ($XDG_CACHE_HOME, ~/.cache, then the temp folder), as the native patch cache does.
    private static string WritableRoot()
    {
        var roots = Course.Native.PatchCache.DefaultRoots("nuget").ToList();
        foreach (var root in roots)
        {
            try
            {
                Directory.CreateDirectory(root);
                return root;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
        return roots[0];   // RestoreAsync then names it in its error
    }

    /// <summary>The cache folder name of a set: the hex SHA-256 of everything that decides its restore.</summary>
    public static string Key(IReadOnlyList<PackageRequest> requests, IReadOnlyList<string> sources)
    {
        var text = new StringBuilder().AppendLine(Format).AppendLine(RestoreProject.TargetFramework).AppendLine(RestoreProject.RuntimeIdentifier);
        foreach (var request in requests.OrderBy(r => r.Id, StringComparer.OrdinalIgnoreCase))
            text.Append("package ").Append(request.Id.ToLowerInvariant()).Append(' ').AppendLine(request.VersionOrLatest);
        foreach (var source in sources) text.Append("source ").AppendLine(source);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }

    private static RestoreResult? ReadCached(string manifest)
    {
        if (!File.Exists(manifest)) return null;
        try
        {
            var result = JsonSerializer.Deserialize<RestoreResult>(File.ReadAllText(manifest), json);
            if (result?.Packages is null || !result.Packages.All(p => p.Assemblies.All(File.Exists) && p.NativeFolders.All(Directory.Exists)))
                return null;
            return result with { FromCache = true };
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
        {
            return null;   // unreadable: restore again and overwrite it
        }
    }

    private static async Task<FileStream> LockAsync(string path, CancellationToken cancellation)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(200, cancellation);   // another process or engine restores this set
            }
        }
    }

    private static string Summary(IReadOnlyList<PackageRequest> requests, IReadOnlyList<RestoredPackage> packages)
    {
        var named = requests.SelectMany(r => packages.Where(p => string.Equals(p.Id, r.Id, StringComparison.OrdinalIgnoreCase)))
                            .Select(p => $"{p.Id} {p.Version}").ToList();
        var others = packages.Count - named.Count;
        return string.Join(", ", named) + (others > 0 ? $" (+ {others} dependenc{(others == 1 ? "y" : "ies")})" : "");
    }

    private static bool SameSource(string a, string b) =>
        string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    private static string FirstError(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var line = lines.FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)) ?? lines.LastOrDefault() ?? "no output";
        return RestoreMessage.OneLine(line);
    }
}
