using System.Reflection;
using System.Runtime.InteropServices;

namespace Course.Native;

/// <summary>Find TorchSharp's <c>libLibTorchSharp.so</c> and the libtorch folder it depends on.</summary>
/// <remarks>
/// Looks where TorchSharp 0.107's own loader would (<c>LoadNativeBackend</c> in its <c>Torch.cs</c>):
/// the runtime's native search directories from the app's <c>deps.json</c>, next to
/// <c>TorchSharp.dll</c> and the app (plus their <c>runtimes/linux-x64/native</c>), then the NuGet
/// global packages folder (<c>$NUGET_PACKAGES</c>, else <c>~/.nuget/packages</c>) at the version of
/// the loaded TorchSharp assembly. A built app has everything in <c>bin/…/runtimes/linux-x64/native</c>;
/// a notebook host that resolves packages in place has libtorch in the separate
/// <c>libtorch-cpu-linux-x64</c> package folder.
/// </remarks>
internal static class NativeLocator
{
    /// <summary>TorchSharp's native wrapper library.</summary>
    public const string TorchSharpLibrary = "libLibTorchSharp.so";

    /// <summary>The libtorch library whose folder holds the rest of libtorch (<c>libtorch.so</c>, <c>libc10.so</c>, <c>libgomp</c>).</summary>
    public const string TorchCpuLibrary = "libtorch_cpu.so";

    /// <summary>The NuGet runtime identifier of this process, e.g. <c>linux-x64</c>.</summary>
    public static string Rid => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.Arm64 => "linux-arm64",
        _ => "linux-x64",
    };

    /// <summary>The <c>libLibTorchSharp.so</c> TorchSharp would load, or null when there is none.</summary>
    public static string? FindTorchSharpLibrary(Assembly torchSharp)
    {
        var version = PackageVersion(torchSharp);
        var nuget = version is null ? [] : new[] { Path.Combine(PackagesFolder(), "torchsharp", version, "runtimes", Rid, "native") };
        return LocalFolders(torchSharp).Concat(nuget).Select(d => Path.Combine(d, TorchSharpLibrary)).FirstOrDefault(File.Exists);
    }

    /// <summary>The folder holding <c>libtorch_cpu.so</c>: the wrapper's own, a local one, or the NuGet package's; null if none.</summary>
    public static string? FindLibTorchFolder(Assembly torchSharp, string torchSharpLibrary)
    {
        var packages = Path.Combine(PackagesFolder(), "libtorch-cpu-" + Rid);
        var nuget = Directory.Exists(packages)
            ? Directory.GetDirectories(packages)
                .OrderByDescending(d => Path.GetFileName(d) == LibTorchVersion(torchSharp))
                .ThenByDescending(d => Version.TryParse(Path.GetFileName(d), out var v) ? v : new Version())
                .Select(d => Path.Combine(d, "runtimes", Rid, "native"))
            : [];
        return new[] { Path.GetDirectoryName(torchSharpLibrary)! }.Concat(LocalFolders(torchSharp)).Concat(nuget)
            .FirstOrDefault(d => File.Exists(Path.Combine(d, TorchCpuLibrary)));
    }

    /// <summary>The NuGet global packages folder: <c>$NUGET_PACKAGES</c>, else <c>~/.nuget/packages</c>.</summary>
    public static string PackagesFolder()
    {
        var configured = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        return string.IsNullOrEmpty(configured)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages")
            : configured;
    }

    private static IEnumerable<string> LocalFolders(Assembly torchSharp)
    {
        var searchDirectories = (AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") as string ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var bases = new[] { Path.GetDirectoryName(torchSharp.Location), AppContext.BaseDirectory }
            .Where(d => !string.IsNullOrEmpty(d))
            .SelectMany(d => new[] { d!, Path.Combine(d!, "runtimes", Rid, "native") });
        return searchDirectories.Concat(bases).Distinct();
    }

    /// <summary>The NuGet version of the loaded TorchSharp (informational version without the <c>+commit</c> tail).</summary>
    private static string? PackageVersion(Assembly torchSharp)
    {
        var informational = torchSharp.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational?.Split('+')[0] ?? torchSharp.GetName().Version?.ToString(3);
    }

    /// <summary>The libtorch package version TorchSharp was built against (its private constant), e.g. <c>2.10.0</c>.</summary>
    /// <remarks>Read as a constant, so TorchSharp's static constructor (which loads the natives) does not run.</remarks>
    private static string? LibTorchVersion(Assembly torchSharp)
    {
        var field = torchSharp.GetType("TorchSharp.torch")?.GetField("libtorchPackageVersion", BindingFlags.NonPublic | BindingFlags.Static);
        return field?.IsLiteral == true && field.GetRawConstantValue() is string v && Version.TryParse(v, out var parsed)
            ? (parsed.Revision > 0 ? parsed.ToString(4) : parsed.ToString(3))
            : null;
    }
}
