using Course.Notebooks.Execution;
using Course.Notebooks.Packages;
using Course.Notebooks.Tests.Support;

namespace Course.Notebooks.Tests.Packages;

/// <summary>A local feed of tiny packages, an isolated cache, packages folder and NuGet.Config, and the one real restore the tests share.</summary>
/// <remarks>
/// The feed: Tiny.Greetings 1.0.0 / 1.1.0 / 2.0.0-beta.1, Tiny 1.0.0 / 1.5.0 / 2.0.0 (each depends on Tiny.Base ≥ 1.0.0),
/// Tiny.Base 1.0.0 / 1.1.0, Tiny.Pre 1.0.0 / 2.0.0-beta.1, Tiny.Native (a generic and a runtime-specific assembly, and zlib copied as a native asset), a fake
/// TorchSharp 0.105.0 and Tiny.Torch, which depends on it, and fakes of assemblies the engine runs on: SkiaSharp 99.0.0
/// (newer, strong-named with SkiaSharp's key: TorchSharp's dependency, which nothing here loads), Newtonsoft.Json 99.0.0
/// (the same, but the test process has loaded its own), Markdig 99.0.0 (newer, weak-named) and NetMQ 1.0.0 (older). NuGet.Config clears every source, so nothing here touches
/// the network. <see cref="TinySet"/> is restored once, by <see cref="InitializeAsync"/>; the tests read it from the cache.
/// The fixture is shared by the <see cref="TinyFeed"/> collection, so that one restore serves the Compatibility notebook too.
/// </remarks>
public sealed class TinyFeedFixture : IAsyncLifetime
{
    /// <summary>
    /// The cell every cache-hit test runs: no version, an exact version, a range, a floating prerelease, natives, a TorchSharp dependency.
    /// The same packages and versions as Compatibility/Packages.ipynb's <c>#i</c> and <c>#r</c> cells, which therefore run from this restore's cache.
    /// </summary>
    public const string TinySet =
        "#i \"nuget: ../feed\"\n#r \"nuget: Tiny.Greetings\"\n#r \"nuget: Tiny.Base, 1.1.0\"\n#r \"nuget: Tiny, [1.2, 2.0)\"\n#r \"nuget: Tiny.Pre, *-*\"\n" +
        "#r \"nuget: Tiny.Native, 1.0.0\"\n#r \"nuget: Tiny.Torch, 1.0.0\"\n" +
        "#r \"nuget: SkiaSharp, 99.0.0\"\n#r \"nuget: Newtonsoft.Json, 99.0.0\"\n#r \"nuget: Markdig, 99.0.0\"\n#r \"nuget: NetMQ, 1.0.0\"";

    private readonly TempFolder root = new();

    public TinyFeedFixture()
    {
        Feed = new LocalFeed(root.File("feed"));
        NotebookFolder = Directory.CreateDirectory(root.File("notebook")).FullName;
        File.WriteAllText(root.File("nuget.config"), "<configuration><packageSources><clear /></packageSources></configuration>");
        Restorer = NewRestorer();

        foreach (var version in (string[])["1.0.0", "1.1.0", "2.0.0-beta.1"])
            Feed.Add("Tiny.Greetings", version, Lib("Tiny.Greetings", $$"""
                namespace Tiny;
                public sealed record Greeting(string To, string Text);
                public static class Greeter
                {
                    public const string Version = "{{version}}";
                    public static Greeting Hello(string name) => new(name, $"Hello, {name}!");
                }
                """));
        foreach (var version in (string[])["1.0.0", "1.1.0"])
            Feed.Add("Tiny.Base", version, Lib("Tiny.Base", $"namespace Tiny; public static class TinyBase {{ public const string Version = \"{version}\"; }}"));
        foreach (var version in (string[])["1.0.0", "1.5.0", "2.0.0"])
            Feed.Add("Tiny", version,
                Lib("Tiny", $"namespace Tiny; public static class TinyInfo {{ public const string Version = \"{version}\"; public static int Twice(int x) => 2 * x; }}"),
                new Dictionary<string, string> { ["Tiny.Base"] = "1.0.0" });
        foreach (var version in (string[])["1.0.0", "2.0.0-beta.1"])
            Feed.Add("Tiny.Pre", version, Lib("Tiny.Pre", $"namespace Tiny; public static class TinyPre {{ public const string Version = \"{version}\"; }}"));

        var rid = RestoreProject.RuntimeIdentifier;
        var native = new Dictionary<string, byte[]>
        {
            ["lib/net10.0/Tiny.Native.dll"] = LocalFeed.Compile("Tiny.Native", NativeSource("any")),
            [$"runtimes/{rid}/lib/net10.0/Tiny.Native.dll"] = LocalFeed.Compile("Tiny.Native", NativeSource(rid)),
        };
        ZlibPath = ((string[])["/lib/x86_64-linux-gnu/libz.so.1", "/usr/lib/x86_64-linux-gnu/libz.so.1", "/lib64/libz.so.1", "/usr/lib/libz.so.1"]).FirstOrDefault(File.Exists);
        if (ZlibPath is not null) native[$"runtimes/{rid}/native/libtinyz.so"] = File.ReadAllBytes(ZlibPath);
        Feed.Add("Tiny.Native", "1.0.0", native);

        foreach (var name in (string[])["SkiaSharp", "Newtonsoft.Json"])
            Feed.Add(name, "99.0.0", new Dictionary<string, byte[]>
            {
                [$"lib/net10.0/{name}.dll"] = LocalFeed.Compile(name,
                    $"[assembly: System.Reflection.AssemblyVersion(\"99.0.0.0\")] namespace {name}; public static class FromThePackage {{ }}",
                    publicKey: System.Reflection.AssemblyName.GetAssemblyName(HostAssemblies.Find(name + ".dll")!).GetPublicKey()),
            });
        Feed.Add("Markdig", "99.0.0", Lib("Markdig", "[assembly: System.Reflection.AssemblyVersion(\"99.0.0.0\")] namespace Markdig; public static class FromThePackage { }"));
        Feed.Add("NetMQ", "1.0.0", Lib("NetMQ", "[assembly: System.Reflection.AssemblyVersion(\"1.0.0.0\")] namespace NetMQ; public static class FromThePackage { }"));
        Feed.Add("TorchSharp", "0.105.0", Lib("TorchSharp", "[assembly: System.Reflection.AssemblyVersion(\"0.105.0.0\")] namespace TorchSharp; public static class NotTheEngines { }"));
        Feed.Add("Tiny.Torch", "1.0.0",
            Lib("Tiny.Torch", "namespace Tiny; public static class TinyTorch { public static string TorchLocation => typeof(TorchSharp.torch).Assembly.Location; }",
                [typeof(TorchSharp.torch).Assembly.Location]),
            new Dictionary<string, string> { ["TorchSharp"] = "0.105.0" });
    }

    public LocalFeed Feed { get; }

    /// <summary>Where the notebooks "are": the feed is <c>../feed</c> from here.</summary>
    public string NotebookFolder { get; }

    /// <summary>Copy <paramref name="notebook"/> into <see cref="NotebookFolder"/>, where its <c>#i "nuget: ../feed"</c> is this feed; the copy's path.</summary>
    public string PlaceBesideFeed(string notebook)
    {
        var copy = Path.Combine(NotebookFolder, Path.GetFileName(notebook));
        File.Copy(notebook, copy, overwrite: true);
        return copy;
    }

    /// <summary>The <c>XDG_CACHE_HOME</c> under which this fixture's restores are cached (for a <c>course</c> process to find them).</summary>
    public string XdgCacheHome => root.File("xdg-cache");

    /// <summary>The system's zlib, copied into Tiny.Native as <c>libtinyz.so</c>; null when this system has none where looked.</summary>
    public string? ZlibPath { get; }

    /// <summary>The restorer that ran <see cref="TinySet"/>'s one restore.</summary>
    public PackageRestorer Restorer { get; }

    /// <summary>The cell of that first restore, as it ran.</summary>
    public CellResult FirstRun { get; private set; } = null!;

    /// <summary>A restorer on this fixture's cache, packages folder and NuGet.Config; <paramref name="dotnet"/> replaces the command that restores.</summary>
    public PackageRestorer NewRestorer(string? dotnet = null) => new()
    {
        CacheRoot = Path.Combine(XdgCacheHome, "course", "nuget"),
        ConfigFile = root.File("nuget.config"),
        Environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = root.File("packages"), ["NUGET_HTTP_CACHE_PATH"] = root.File("http-cache") },
        Dotnet = dotnet ?? Course.Notebooks.Packages.PackageRestorer.Default.Dotnet,
    };

    /// <summary>An engine in <see cref="NotebookFolder"/> whose restorer cannot run <c>dotnet</c> at all: it must answer from the cache.</summary>
    public NotebookEngine OfflineEngine() => new(NotebookFolder, restorer: NewRestorer(dotnet: root.File("no-dotnet-here")));

    public async Task InitializeAsync() =>
        FirstRun = await new NotebookEngine(NotebookFolder, restorer: Restorer).ExecuteAsync(TinySet);

    public Task DisposeAsync()
    {
        root.Dispose();
        return Task.CompletedTask;
    }

    private static Dictionary<string, byte[]> Lib(string name, string source, string[]? references = null) =>
        new() { [$"lib/net10.0/{name}.dll"] = LocalFeed.Compile(name, source, references) };

    private static string NativeSource(string flavor) => $$"""
        using System.Runtime.InteropServices;
        namespace Tiny;
        public static class TinyNative
        {
            public const string Flavor = "{{flavor}}";
            [DllImport("tinyz")] private static extern System.IntPtr zlibVersion();
            public static string ZlibVersion => Marshal.PtrToStringAnsi(zlibVersion());
        }
        """;
}

/// <summary>The test classes that share one <see cref="TinyFeedFixture"/>, its feed and its one restore.</summary>
[CollectionDefinition(nameof(TinyFeed))]
public sealed class TinyFeed : ICollectionFixture<TinyFeedFixture>;
