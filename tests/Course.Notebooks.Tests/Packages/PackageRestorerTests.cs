using Course.Notebooks.Execution;
using Course.Notebooks.Packages;
using Course.Notebooks.Tests.Support;

namespace Course.Notebooks.Tests.Packages;

/// <summary>What happens around <c>dotnet restore</c> when it cannot start, hangs or is interrupted (a stand-in script, no real restore).</summary>
public class PackageRestorerTests : IDisposable
{
    private readonly TempFolder root = new();

    public void Dispose() => root.Dispose();

    private PackageRestorer Restorer(string dotnet, TimeSpan? timeout = null) =>
        new() { CacheRoot = root.File("cache"), Dotnet = dotnet, Timeout = timeout ?? TimeSpan.FromMinutes(1) };

    /// <summary>A "dotnet" that records its process id and sleeps.</summary>
    private string HangingDotnet()
    {
        var script = root.File("dotnet");
        File.WriteAllText(script, $"#!/bin/sh\necho $$ > '{root.File("pid")}'\nexec sleep 60\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return script;
    }

    private async Task<int> StartedProcess()
    {
        while (!File.Exists(root.File("pid")) || File.ReadAllText(root.File("pid")).Trim().Length == 0) await Task.Delay(20);
        return int.Parse(File.ReadAllText(root.File("pid")).Trim());
    }

    [Fact]
    public async Task WithoutADotnetCommandTheCellSaysTheSdkIsNeeded()
    {
        var result = await new NotebookEngine(root.Path, restorer: Restorer("/no/such/dotnet")).ExecuteAsync("#r \"nuget: NodaTime, 3.3.7\"");
        Assert.StartsWith("#r \"nuget: NodaTime, 3.3.7\": restoring a package needs the .NET SDK's dotnet command, which did not start (/no/such/dotnet:", result.Error!.EValue);
    }

    [Fact]
    public async Task ACacheThatCannotBeWrittenIsNamedInOneLine()
    {
        File.WriteAllText(root.File("a-file"), "");
        var restorer = new PackageRestorer { CacheRoot = Path.Combine(root.File("a-file"), "cache"), Dotnet = "/no/such/dotnet" };
        var result = await new NotebookEngine(root.Path, restorer: restorer).ExecuteAsync("#r \"nuget: NodaTime, 3.3.7\"");
        Assert.StartsWith($"#r \"nuget: NodaTime, 3.3.7\": cannot write the package cache {root.File("a-file")}/cache/", result.Error!.EValue);
        Assert.EndsWith("make $XDG_CACHE_HOME or ~/.cache writable.", result.Error.EValue);
    }

    [Fact]
    public async Task ARestoreThatHangsIsStoppedAtTheTimeoutWithOneLine()
    {
        var restorer = Restorer(HangingDotnet(), TimeSpan.FromMilliseconds(500));
        var result = await new NotebookEngine(root.Path, restorer: restorer).ExecuteAsync("#r \"nuget: NodaTime, 3.3.7\"");
        Assert.Equal("#r \"nuget: NodaTime, 3.3.7\": dotnet restore took longer than 0.5 s and was stopped; check the network and the sources in NuGet.Config.", result.Error!.EValue);
        Assert.False(Directory.Exists($"/proc/{await StartedProcess()}"));
    }

    [Fact]
    public async Task AnInterruptDuringARestoreKillsItAndEndsTheCell()
    {
        using var interrupt = new CancellationTokenSource();
        var engine = new NotebookEngine(root.Path, restorer: Restorer(HangingDotnet()));
        var cell = engine.ExecuteAsync("#r \"nuget: NodaTime, 3.3.7\"", interrupt.Token);
        var pid = await StartedProcess();
        interrupt.Cancel();
        var result = await cell.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal("OperationCanceledException", result.Error!.EName);
        Assert.False(Directory.Exists($"/proc/{pid}"));
        Assert.Contains("Restoring NodaTime 3.3.7 ...", string.Concat(result.Outputs.OfType<Course.Notebooks.Document.StreamOutput>().Select(s => s.Text)));
    }

    /// <summary>A "dotnet" whose restore fails with NU1301 for <paramref name="source"/> (and <paramref name="alsoUnreachable"/>) while the project names it, else restores nothing.</summary>
    private string DeadSourceDotnet(string source, string? alsoUnreachable = null)
    {
        var logs = string.Join(", ", new[] { source, alsoUnreachable }.OfType<string>().Select(s =>
            $$"""{"code": "NU1301", "level": "Error", "message": "Unable to load the service index for source {{s}}.\n  Name or service not known"}"""));
        string Assets(string logs) => """
            {"version": 3, "targets": {"net10.0": {}, "net10.0/RID": {}}, "libraries": {},
             "projectFileDependencyGroups": {"net10.0": []}, "packageFolders": {},
             "project": {"version": "1.0.0", "restore": {"projectUniqueName": "p", "projectName": "notebook", "projectPath": "p", "outputPath": "o",
               "projectStyle": "PackageReference", "sources": {"SOURCE": {}}, "frameworks": {"net10.0": {"targetAlias": "net10.0", "projectReferences": {}}}},
               "frameworks": {"net10.0": {"targetAlias": "net10.0"}}},
             "logs": [LOGS]}
            """.Replace("RID", RestoreProject.RuntimeIdentifier).Replace("SOURCE", source).Replace("LOGS", logs);
        File.WriteAllText(root.File("failed.json"), Assets(logs));
        File.WriteAllText(root.File("restored.json"), Assets(""));
        var script = root.File("dotnet");
        File.WriteAllText(script, $"""
            #!/bin/sh
            obj="$(dirname "$2")/obj"; mkdir -p "$obj"; echo run >> '{root.File("runs")}'
            if grep -q '{source}' "$2"; then cp '{root.File("failed.json")}' "$obj/project.assets.json"; exit 1; fi
            cp '{root.File("restored.json")}' "$obj/project.assets.json"; exit 0
            """);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return script;
    }

    [Fact]
    public async Task ANotebookFeedOutOfReachIsLeftOutWithANoteAndTheRestoreRunsWithoutIt()
    {
        const string dead = "https://gone.example/v3/index.json";
        var result = await new NotebookEngine(root.Path, restorer: Restorer(DeadSourceDotnet(dead))).ExecuteAsync($"#i \"nuget: {dead}\"\n#r \"nuget: Tiny, 1.0.0\"");
        Assert.Null(result.Error);
        var stderr = string.Concat(result.Outputs.OfType<Course.Notebooks.Document.StreamOutput>().Select(s => s.Text));
        Assert.Contains($"note: cannot reach #i \"nuget: {dead}\"; restoring without it", stderr);
        Assert.Contains("\nRestored ", stderr);
        Assert.Equal(2, File.ReadAllLines(root.File("runs")).Length);
    }

    [Fact]
    public async Task AConfiguredSourceOutOfReachStaysAnError()
    {
        const string dead = "https://gone.example/v3/index.json";
        var result = await new NotebookEngine(root.Path, restorer: Restorer(DeadSourceDotnet(dead, alsoUnreachable: "https://configured.example/v3/index.json")))
            .ExecuteAsync($"#i \"nuget: {dead}\"\n#r \"nuget: Tiny, 1.0.0\"");
        Assert.StartsWith("#r \"nuget: Tiny, 1.0.0\": NU1301: Unable to load the service index for source", result.Error!.EValue);
        Assert.Single(File.ReadAllLines(root.File("runs")));
    }
}
