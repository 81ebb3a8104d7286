using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Course.Notebooks.Document;
using Course.Notebooks.Running;
using Course.Notebooks.Tests.Support;

namespace Course.Notebooks.Tests.Running;

public class CourseRunnerTests
{
    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    private static NotebookDocument WithParameters(params string[] cells)
    {
        var doc = Support.Notebooks.Of(cells);
        doc.Cells.Insert(1, NotebookCell.Code("var numEpochs = 5;\nvar lr = 0.1;\nvar name = \"digits\";\nvar verbose = false;", "parameters"));
        return doc;
    }

    [Fact]
    public async Task RunWritesTheExecutedNotebookPageIndexAndMetrics()
    {
        using var folder = new TempFolder();
        var source = Support.Notebooks.Write(folder, "01-demo", Support.Notebooks.Of("#r \"nuget: Course\"", "Console.WriteLine(\"hi\");\nCourse.Metrics.Record(\"demo_value\", 0.25);", "6 * 7"));
        var before = Hash(source);
        var outDir = folder.File("out");

        var runs = await new CourseRunner(new RunOptions(outDir)).RunAsync([source]);

        Assert.True(runs[0].Succeeded, runs[0].Error);
        Assert.Equal(before, Hash(source));
        foreach (var file in new[] { "01-demo.ipynb", "01-demo.html", "index.html", "metrics.json" })
            Assert.True(File.Exists(Path.Combine(outDir, file)), file);
        var executed = NotebookDocument.Load(Path.Combine(outDir, "01-demo.ipynb"));
        Assert.Equal([1, 2, 3], executed.Cells.Where(c => c.Type == CellType.Code).Select(c => c.ExecutionCount ?? 0));
        Assert.Empty(NotebookSchema.Errors(File.ReadAllText(Path.Combine(outDir, "01-demo.ipynb"))));
        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "metrics.json")))!;
        Assert.Equal(0.25, metrics["01-demo"]!["demo_value"]!.GetValue<double>());
    }

    [Theory]
    [InlineData(new string[0], "default", true)]
    [InlineData(new[] { "numEpochs=1" }, "test", false)]
    [InlineData(new[] { "numEpochs=1", "lr=0.5" }, "test", false)]
    [InlineData(new[] { "numEpochs=2" }, "default", false)]
    [InlineData(new[] { "numEpochs=10" }, "default", true)]
    public async Task TargetsAreJudgedAfterTheRunByTheSetItsParametersPick(string[] overrides, string set, bool met)
    {
        using var folder = new TempFolder();
        var notebook = WithParameters("#r \"nuget: Course\"\nCourse.Metrics.Record(\"loss\", 1.0 / numEpochs);\nCourse.Metrics.Record(\"baseline\", 0.5);");
        notebook.Metadata["course"] = JsonNode.Parse("""
            {"targets": {"loss": "< 0.5 * baseline"}, "test": {"parameters": {"numEpochs": "1"}, "targets": {"loss": "< baseline"}}}
            """);
        var source = Support.Notebooks.Write(folder, "01-targets", notebook);
        var parameters = overrides.Select(NotebookParameters.ParseAssignment).ToDictionary(p => p.Name, p => p.Value);

        var run = Assert.Single(await new CourseRunner(new RunOptions(folder.File("out"), parameters, WriteBook: false)).RunAsync([source]));

        Assert.Equal(set, run.TargetSet == Course.Notebooks.Targets.TargetSet.Test ? "test" : "default");
        Assert.Equal(met, run.TargetsMet);
        var written = JsonNode.Parse(File.ReadAllText(folder.File("out/targets.json")))!["01-targets"]!;
        Assert.Equal(set, written["set"]!.GetValue<string>());
        Assert.Equal(met, written["targets"]!["loss"]!["met"]!.GetValue<bool>());
        Assert.Equal(1.0 / int.Parse(parameters.GetValueOrDefault("numEpochs", "5")), JsonNode.Parse(File.ReadAllText(folder.File("out/metrics.json")))!["01-targets"]!["loss"]!.GetValue<double>());
    }

    [Fact]
    public async Task AFailingCellStopsItsNotebookKeepsWhatRanAndTheNextNotebookStillRuns()
    {
        using var folder = new TempFolder();
        var bad = Support.Notebooks.Write(folder, "01-bad", Support.Notebooks.Of("Console.WriteLine(\"before\");", "throw new Exception(\"student bug\");", "Console.WriteLine(\"never\");"));
        var good = Support.Notebooks.Write(folder, "02-good", Support.Notebooks.Of("1"));
        var outDir = folder.File("out");

        var runs = await new CourseRunner(new RunOptions(outDir)).RunAsync([folder.Path]);

        Assert.Equal(["01-bad", "02-good"], runs.Select(r => r.Stem));
        Assert.Contains("cell 2 of 3 failed: Exception: student bug", runs[0].Error);
        Assert.True(runs[1].Succeeded);
        var executed = NotebookDocument.Load(Path.Combine(outDir, "01-bad.ipynb"));
        var code = executed.Cells.Where(c => c.Type == CellType.Code).ToList();
        Assert.Contains("before", Assert.IsType<StreamOutput>(code[0].Outputs[0]).Text);
        Assert.IsType<ErrorOutput>(code[1].Outputs.Last());
        Assert.Empty(code[2].Outputs);
        Assert.Null(code[2].ExecutionCount);
        Assert.Contains("student bug", File.ReadAllText(Path.Combine(outDir, "01-bad.html")));
    }

    [Fact]
    public async Task ParametersAreOverriddenWithTheDeclaredTypes()
    {
        using var folder = new TempFolder();
        var source = Support.Notebooks.Write(folder, "p", WithParameters("Course.Metrics.Record(\"epochs\", numEpochs * lr);\nConsole.WriteLine($\"{name} {verbose}\");"));
        var overrides = new Dictionary<string, string> { ["numEpochs"] = "2", ["lr"] = "1", ["name"] = "fashion \"mnist\"", ["verbose"] = "True" };

        var runs = await new CourseRunner(new RunOptions(folder.File("out"), overrides, WriteBook: false)).RunAsync([source]);

        Assert.True(runs[0].Succeeded, runs[0].Error);
        Assert.Equal(2.0, runs[0].Metrics["epochs"]);
        var injected = Assert.Single(runs[0].Executed!.Cells, c => c.HasTag("injected-parameters"));
        Assert.Contains("int numEpochs = 2;", injected.Source);
        Assert.Contains("double lr = 1.0;", injected.Source);
        Assert.Contains("fashion \"mnist\" True", runs[0].Executed!.ToJson().Replace("\\\"", "\""));
    }

    [Fact]
    public async Task AParameterOfTheWrongTypeFailsNamingIt()
    {
        using var folder = new TempFolder();
        var source = Support.Notebooks.Write(folder, "p", WithParameters("1"));
        var runs = await new CourseRunner(new RunOptions(folder.File("out"), new Dictionary<string, string> { ["numEpochs"] = "many" }, false)).RunAsync([source]);
        Assert.Contains("numEpochs=many: numEpochs is a int", runs[0].Error);
    }

    [Fact]
    public async Task AMissingOutParentIsAClearError()
    {
        using var folder = new TempFolder();
        var source = Support.Notebooks.Write(folder, "a", Support.Notebooks.Of("1"));
        var e = await Assert.ThrowsAsync<RunException>(() => new CourseRunner(new RunOptions("/no/such/parent/out")).RunAsync([source]));
        Assert.Contains("/no/such/parent does not exist", e.Message);
    }

    [Fact]
    public async Task AnOutFolderEqualToTheSourcesIsRefused()
    {
        using var folder = new TempFolder();
        var source = Support.Notebooks.Write(folder, "a", Support.Notebooks.Of("1"));
        var before = Hash(source);
        var e = await Assert.ThrowsAsync<RunException>(() => new CourseRunner(new RunOptions(folder.Path)).RunAsync([source]));
        Assert.Contains("would overwrite the sources", e.Message);
        Assert.Equal(before, Hash(source));
    }

    [Fact]
    public async Task AMissingPathIsAClearError()
    {
        var e = await Assert.ThrowsAsync<RunException>(() => new CourseRunner(new RunOptions("out")).RunAsync(["/no/such/notebook.ipynb"]));
        Assert.Contains("/no/such/notebook.ipynb does not exist", e.Message);
    }

    [Fact]
    public async Task AMalformedNotebookFailsAloneAndIsNotModified()
    {
        using var folder = new TempFolder();
        var broken = folder.File("01-broken.ipynb");
        File.WriteAllText(broken, "{ \"cells\": [ ");
        Support.Notebooks.Write(folder, "02-fine", Support.Notebooks.Of("1"));
        var runs = await new CourseRunner(new RunOptions(folder.File("out"))).RunAsync([folder.Path]);
        Assert.Contains("invalid JSON", runs[0].Error);
        Assert.True(runs[1].Succeeded);
        Assert.Equal("{ \"cells\": [ ", File.ReadAllText(broken));
    }
}
