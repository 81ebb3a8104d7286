using Course.Notebooks.Document;
using Course.Notebooks.Execution;
using Course.Notebooks.Packages;
using Course.Notebooks.Tests.Support;

namespace Course.Notebooks.Tests.Packages;

/// <summary><c>#r "nuget: …"</c> of packages the engine does not ship, restored from a local feed by the SDK's real restore.</summary>
/// <remarks>Two <c>dotnet restore</c> runs in all: the fixture's (the tiny set) and the missing package's; every other engine reads the cache.</remarks>
[Collection(nameof(TinyFeed))]
public class PackageRestoreTests(TinyFeedFixture feed)
{
    private static string Stream(CellResult result, string name) =>
        string.Concat(result.Outputs.OfType<StreamOutput>().Where(s => s.Name == name).Select(s => s.Text));

    private static string Value(CellResult result) =>
        Assert.Single(result.Outputs.OfType<ExecuteResultOutput>()).Data[MimeTypes.PlainText];

    private async Task<(NotebookEngine Engine, CellResult Result)> CachedTinySet()
    {
        var engine = feed.OfflineEngine();
        var result = await engine.ExecuteAsync(TinyFeedFixture.TinySet);
        Assert.True(result.Succeeded, result.Error?.EValue);
        return (engine, result);
    }

    [Fact]
    public void TheFirstRestoreShowsProgressAndWhatItChoseOnTheCellsStderr()
    {
        Assert.True(feed.FirstRun.Succeeded, feed.FirstRun.Error?.EValue);
        var stderr = Stream(feed.FirstRun, "stderr");
        Assert.Contains("Restoring Tiny.Greetings (latest), Tiny.Base 1.1.0, Tiny [1.2, 2.0), Tiny.Pre *-*, Tiny.Native 1.0.0, Tiny.Torch 1.0.0, SkiaSharp 99.0.0, Newtonsoft.Json 99.0.0, Markdig 99.0.0, NetMQ 1.0.0 ...\n", stderr);
        Assert.True(stderr.Contains("Restored Tiny.Greetings 1.1.0, Tiny.Base 1.1.0, Tiny 1.5.0, Tiny.Pre 2.0.0-beta.1, Tiny.Native 1.0.0, Tiny.Torch 1.0.0, SkiaSharp 99.0.0, Newtonsoft.Json 99.0.0, Markdig 99.0.0, NetMQ 1.0.0 (+ 1 dependency) in "), stderr);
        // The range's lower bound is not in the feed: NuGet takes the nearest above and says so.
        Assert.Contains("warning NU1603: notebook depends on Tiny (>= 1.2.0 && < 2.0.0) but Tiny 1.2.0 was not found. Tiny 1.5.0 was resolved instead.\n", stderr);
    }

    [Fact]
    public async Task NoVersionARangeAnExactVersionAndAFloatingPrereleaseResolveAsNuGetDoes()
    {
        var (engine, _) = await CachedTinySet();
        var result = await engine.ExecuteAsync("$\"{Tiny.TinyInfo.Version} {Tiny.TinyBase.Version} {Tiny.TinyPre.Version} {Tiny.Greeter.Version} {Tiny.TinyInfo.Twice(21)}\"");
        Assert.True(result.Succeeded, result.Error?.EValue);
        Assert.Equal("1.5.0 1.1.0 2.0.0-beta.1 1.1.0 42", Value(result));
    }

    [Fact]
    public async Task ASecondRunReadsTheCacheWithoutRunningDotnetRestore()
    {
        var restorer = feed.NewRestorer(dotnet: "/no/such/dotnet");
        var result = await new NotebookEngine(feed.NotebookFolder, restorer: restorer).ExecuteAsync(TinyFeedFixture.TinySet + "\nTiny.TinyInfo.Version");
        Assert.True(result.Succeeded, result.Error?.EValue);
        Assert.Equal("1.5.0", Value(result));
        Assert.Equal(0, restorer.RestoresRun);
        Assert.Equal(1, feed.Restorer.RestoresRun);
        Assert.DoesNotContain("Restor", Stream(result, "stderr"));
    }

    [SkippableFact]
    public async Task ThePackagesRuntimeSpecificAssemblyAndNativeLibraryLoad()
    {
        Skip.If(feed.ZlibPath is null, "no libz.so.1 on this system to pack as a native asset");
        var (engine, _) = await CachedTinySet();
        var result = await engine.ExecuteAsync("Tiny.TinyNative.Flavor + \" \" + Tiny.TinyNative.ZlibVersion");
        Assert.True(result.Succeeded, result.Error?.EValue);
        Assert.Matches($"^{RestoreProject.RuntimeIdentifier} 1\\.\\d+", Value(result));
    }

    [Fact]
    public async Task ADependencyOnTorchSharpBindsToTheEnginesTorchSharpWithANote()
    {
        Assert.Contains("note: TorchSharp 0.105.0 (a dependency) uses the engine's TorchSharp 0.107.0.", Stream(feed.FirstRun, "stderr"));
        var (engine, _) = await CachedTinySet();
        var result = await engine.ExecuteAsync("Tiny.TinyTorch.TorchLocation == typeof(TorchSharp.torch).Assembly.Location ? typeof(TorchSharp.torch).Assembly.Location : \"two copies\"");
        Assert.True(result.Succeeded, result.Error?.EValue);
        Assert.Equal(typeof(TorchSharp.torch).Assembly.Location, Value(result));
    }

    [Fact]
    public void CourseRunReadsTheCacheAndLoadsANewerStrongNamedAssemblyThanOneTheEngineHasNotLoadedBesideIt()
    {
        // In a `course` process: the test host's own assembly resolver would answer SkiaSharp with the engine's copy.
        var notebook = Path.Combine(feed.NotebookFolder, "beside.ipynb");
        Support.Notebooks.Of(TinyFeedFixture.TinySet, "typeof(SkiaSharp.FromThePackage).Assembly.GetName().Version + \" \" + Tiny.TinyInfo.Version").Save(notebook);
        var run = CourseCli.Run(TimeSpan.FromMinutes(3), new Dictionary<string, string> { ["XDG_CACHE_HOME"] = feed.XdgCacheHome },
            feed.NotebookFolder, "run", notebook, "--out", Path.Combine(feed.NotebookFolder, "out"), "--no-targets");
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        var executed = NotebookDocument.Load(Path.Combine(feed.NotebookFolder, "out", "beside.ipynb"));
        var cells = executed.Cells.Where(c => c.Type == CellType.Code).ToList();
        Assert.DoesNotContain("Restoring", string.Concat(cells[0].Outputs.OfType<StreamOutput>().Select(s => s.Text)));
        Assert.Equal("99.0.0.0 1.5.0", Assert.Single(cells[1].Outputs.OfType<ExecuteResultOutput>()).Data[MimeTypes.PlainText]);
    }

    [Fact]
    public async Task OtherwiseTheEnginesCopyOfAnAssemblyIsUsedWithANoteWhenThePackagesIsNewer()
    {
        Assert.Contains("note: Markdig 99.0.0 brings Markdig.dll 99.0.0.0, but the engine already runs its own ", Stream(feed.FirstRun, "stderr"));
        Assert.Contains("note: Newtonsoft.Json 99.0.0 brings Newtonsoft.Json.dll 99.0.0.0, but the engine already runs its own ", Stream(feed.FirstRun, "stderr"));
        var (engine, _) = await CachedTinySet();
        foreach (var engines in (Type[])[typeof(Markdig.Markdown), typeof(NetMQ.NetMQSocket), typeof(Newtonsoft.Json.JsonConvert)])
        {
            var result = await engine.ExecuteAsync($"typeof({engines.FullName}).Assembly.Location");
            Assert.True(result.Succeeded, result.Error?.EValue);
            Assert.Equal(engines.Assembly.Location, Value(result));
        }
    }

    [Fact]
    public async Task AskingForTorchSharpGivesTheShippedOneWithANoteAndNoRestore()
    {
        var engine = feed.OfflineEngine();
        var result = await engine.ExecuteAsync("#r \"nuget: TorchSharp-cpu, 0.105.0\"\ntypeof(TorchSharp.torch).Assembly.Location");
        Assert.True(result.Succeeded, result.Error?.EValue);
        Assert.Equal(typeof(TorchSharp.torch).Assembly.Location, Value(result));
        Assert.Equal("note: #r \"nuget: TorchSharp-cpu, 0.105.0\" uses the engine's TorchSharp-cpu 0.107.0 (one copy per process).\n", Stream(result, "stderr"));
    }

    [Fact]
    public async Task AMissingPackageFailsInOneLineNamingThePackageTheVersionAndTheSourcesTried()
    {
        var engine = new NotebookEngine(feed.NotebookFolder, restorer: feed.NewRestorer());
        var result = await engine.ExecuteAsync("#i \"nuget: ../feed\"\n#i \"nuget: ../no-such-feed\"\n#r \"nuget: Nope, 1.0.0\"");
        var error = result.Error!.EValue;
        Assert.StartsWith("#r \"nuget: Nope, 1.0.0\": NU1101: Unable to find package Nope.", error);
        Assert.EndsWith($"; sources tried: {feed.Feed.Folder}", error);
        Assert.DoesNotContain('\n', error);
        Assert.Contains($"note: #i \"nuget: ../no-such-feed\": no folder at {Path.GetFullPath(Path.Combine(feed.NotebookFolder, "../no-such-feed"))}; left out", Stream(result, "stderr"));
    }

    [Fact]
    public async Task AnotherVersionOfAPackageTheNotebookRestoredIsRefused()
    {
        var (engine, _) = await CachedTinySet();
        var result = await engine.ExecuteAsync("#r \"nuget: Tiny, 1.0.0\"");
        Assert.Equal("#r \"nuget: Tiny, 1.0.0\": this notebook already asked for #r \"nuget: Tiny, [1.2, 2.0)\"; a process loads one version of a package, so restart the notebook to change it.", result.Error!.EValue);
    }

    [Fact]
    public async Task AnMSBuildPropertyFunctionInAVersionIsRefusedBeforeAnyProjectIsWritten()
    {
        var marker = Path.Combine(feed.NotebookFolder, "pwned");
        var restorer = feed.NewRestorer(dotnet: "/no/such/dotnet");
        var engine = new NotebookEngine(feed.NotebookFolder, restorer: restorer);
        var result = await engine.ExecuteAsync($"#r \"nuget: Tiny, $([System.IO.File]::WriteAllText('{marker}', 'x'))\"");
        Assert.Contains("is not a NuGet version or range", result.Error!.EValue);
        Assert.Equal(0, restorer.RestoresRun);
        Assert.False(File.Exists(marker));
    }
}
