using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Course.Native;

/// <summary>Make TorchSharp's native library load on Linux systems whose libstdc++ is older than the one it was built with.</summary>
/// <remarks>
/// <para>
/// Why it exists: TorchSharp-cpu 0.107.0's <c>libLibTorchSharp.so</c> needs <c>GLIBCXX_3.4.32</c>
/// (GCC 13's libstdc++) for one symbol, <c>std::ios_base_library_init()</c>, which no code calls;
/// Debian 12's libstdc++ stops at <c>GLIBCXX_3.4.30</c>, so <c>dlopen</c> fails with
/// "version `GLIBCXX_3.4.32' not found" and every torch call throws. libtorch itself loads fine.
/// </para>
/// <para>
/// What it does, once per process (later calls return at once; safe from any thread): on Linux only,
/// find the <c>libLibTorchSharp.so</c> TorchSharp would load (<see cref="NativeLocator"/>) and compare
/// the versions it needs from <c>libstdc++.so.6</c> with those the process's libstdc++ defines (both
/// files are only parsed). If none is missing, stop: nothing is loaded, patched or registered. Otherwise
/// load its libtorch dependencies by absolute path and try the original as it is; if it still fails,
/// write a patched copy to the per-user cache (<see cref="PatchCache"/>, <see cref="ElfPatcher"/>; the
/// original is never written), load it, and register a <see cref="NativeLibrary.SetDllImportResolver"/>
/// so TorchSharp's <c>[DllImport("LibTorchSharp")]</c> calls bind to it directly.
/// </para>
/// <para>
/// How TorchSharp then finds it: TorchSharp 0.107 sets no resolver of its own. Its static constructor
/// calls <c>LoadNativeBackend</c>, which loads <c>"torch_cpu"</c> and <c>"LibTorchSharp"</c> by name
/// relative to its assembly with <c>NativeLibrary.TryLoad(name, assembly, null)</c>, which does not
/// consult a <c>DllImportResolver</c> (checked on .NET 10). After the runtime's probes of the original
/// file fail, it tries the bare file name, and glibc matches a bare name against the <c>DT_SONAME</c>
/// of loaded objects, so the already loaded copy answers, the first step succeeds and TorchSharp never
/// falls back to copying libtorch (~480 MB) into a <c>cpu/</c> folder next to the app. The patched copy lives in another folder
/// than libtorch, and its <c>$ORIGIN</c> run path cannot grow in place, so libtorch is preloaded by
/// absolute path: the copy's <c>DT_NEEDED</c> entries then resolve to those loaded objects by SONAME.
/// </para>
/// <para>
/// It runs by itself: <see cref="ModuleInit"/> calls it when any Course type is first used.
/// Set the environment variable <c>COURSE_NATIVE_PATCH=0</c> to switch it off (TorchSharp then
/// loads natives entirely on its own).
/// </para>
/// </remarks>
public static class TorchNative
{
    /// <summary>The dependency whose missing versions the patch tolerates.</summary>
    internal const string StdCxx = "libstdc++.so.6";

    private static readonly Lock gate = new();
    private static TorchNativeOutcome? outcome;
    private static IntPtr patchedHandle;

    /// <summary>Make sure TorchSharp's native library can load; a no-op after the first call and where no fix is needed.</summary>
    /// <exception cref="DllNotFoundException">
    /// A fix was needed and could not be applied; the message is one line naming the library and the cause.
    /// Every call throws the same message.
    /// </exception>
    public static void EnsureLoaded()
    {
        if (Outcome is { Status: TorchNativeStatus.Failed, Detail: var error })
            throw new DllNotFoundException(error);
    }

    /// <summary>What the first call found and did (computed once per process).</summary>
    internal static TorchNativeOutcome Outcome
    {
        get
        {
            lock (gate)
                return outcome ??= Run();
        }
    }

    private static TorchNativeOutcome Run()
    {
        var clock = Stopwatch.StartNew();
        TorchNativeOutcome Done(TorchNativeStatus status, string? original = null, string? patched = null, string? detail = null) =>
            new(status, original, patched, detail, clock.Elapsed);

        if (!OperatingSystem.IsLinux())
            return Done(TorchNativeStatus.NotLinux);
        if (Environment.GetEnvironmentVariable("COURSE_NATIVE_PATCH") == "0")
            return Done(TorchNativeStatus.Disabled);

        var torchSharp = typeof(TorchSharp.torch).Assembly;   // typeof does not run torch's static constructor
        var original = NativeLocator.FindTorchSharpLibrary(torchSharp);
        if (original is null)
            return Done(TorchNativeStatus.LibraryNotFound);

        string? missingText = null;
        try
        {
            // Cheap check first (both files are only parsed; libstdc++ is already mapped into every .NET process):
            // when the system libstdc++ defines every version the wrapper asks for, do nothing at all.
            var elf = ElfImage.Load(original);
            var stdCxxPath = LoadedLibraries.PathOf(StdCxx);
            var defined = stdCxxPath is null ? new HashSet<string>() : ElfImage.Load(stdCxxPath).DefinedVersions;
            var missing = elf.VersionNeeds
                .Where(n => n.File == StdCxx && !defined.Contains(n.Version) && (n.Flags & ElfImage.VerFlagWeak) == 0)
                .Select(n => n.Version).ToArray();
            if (stdCxxPath is null || missing.Length == 0)
                return Done(TorchNativeStatus.NotNeeded, original);

            PreloadLibTorch(elf, NativeLocator.FindLibTorchFolder(torchSharp, original));
            if (TryLoad(original, out _, out _))
                return Done(TorchNativeStatus.LoadedAsIs, original);    // something else supplies the versions

            missingText = $"needs {string.Join(", ", missing)} from {StdCxx}, but {stdCxxPath} stops at {Newest(defined)}";
            var patched = PatchCache.GetOrCreate(original, bytes => ElfPatcher.WeakenVersionNeeds(bytes, StdCxx, missing).Bytes);
            if (!TryLoad(patched, out var handle, out var patchedError))
                throw new InvalidOperationException($"the patched copy {patched} does not load either: {patchedError}");

            patchedHandle = handle;
            try
            {
                NativeLibrary.SetDllImportResolver(torchSharp, Resolve);
            }
            catch (InvalidOperationException)
            {
                // Someone else registered a resolver for TorchSharp; the loaded copy is still found by its SONAME.
            }
            return Done(TorchNativeStatus.Patched, original, patched);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or InvalidOperationException)
        {
            var what = missingText ?? "could not be checked for missing libstdc++ versions";
            return Done(TorchNativeStatus.Failed, original, detail:
                $"TorchSharp's native library {original} {what}; Course could not patch a copy: {OneLine(e.Message)}. " +
                "See README 'Troubleshooting'.");
        }
    }

    /// <summary>Resolve TorchSharp's <c>[DllImport("LibTorchSharp")]</c> to the patched copy; anything else to the default search.</summary>
    private static IntPtr Resolve(string libraryName, System.Reflection.Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName is "LibTorchSharp" or NativeLocator.TorchSharpLibrary ? patchedHandle : IntPtr.Zero;

    /// <summary>Load, by absolute path, the libtorch libraries the wrapper names in <c>DT_NEEDED</c> (each finds its own dependencies via <c>$ORIGIN</c>).</summary>
    private static void PreloadLibTorch(ElfImage torchSharpLibrary, string? libTorchFolder)
    {
        if (libTorchFolder is null) return;
        foreach (var needed in torchSharpLibrary.Needed)
        {
            var path = Path.Combine(libTorchFolder, needed);
            if (File.Exists(path))
                NativeLibrary.TryLoad(path, out _);
        }
    }

    /// <summary>Load <paramref name="path"/>, keeping the loader's message (the <c>dlerror</c> text) when it fails.</summary>
    private static bool TryLoad(string path, out IntPtr handle, out string error)
    {
        try
        {
            handle = NativeLibrary.Load(path);
            error = "";
            return true;
        }
        catch (DllNotFoundException e)
        {
            handle = IntPtr.Zero;
            error = OneLine(e.Message);
            return false;
        }
    }

    /// <summary>The newest <c>GLIBCXX_x.y.z</c> in <paramref name="versions"/>, e.g. <c>GLIBCXX_3.4.30</c>.</summary>
    private static string Newest(IEnumerable<string> versions) =>
        versions.Where(v => v.StartsWith("GLIBCXX_", StringComparison.Ordinal))
            .MaxBy(v => Version.TryParse(v["GLIBCXX_".Length..], out var parsed) ? parsed : new Version()) ?? "no GLIBCXX version";

    /// <summary>The last line of a loader message (.NET prefixes <c>dlerror</c>'s text with advice lines), trimmed of a final period.</summary>
    private static string OneLine(string message) =>
        message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault()?.TrimEnd('.') ?? message;
}
