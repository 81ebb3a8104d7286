using Course.Notebooks.Document;
using Course.Notebooks.Execution;
using Course.Notebooks.Tests.Support;

namespace Course.Notebooks.Tests.Execution;


public class NotebookEngineTests
{
    private readonly NotebookEngine engine = new(Path.GetTempPath());

    private static string Text(CellResult result, string mime = MimeTypes.PlainText) =>
        string.Concat(result.Outputs.Select(o => o switch
        {
            StreamOutput s => s.Text,
            ExecuteResultOutput r => r.Data.GetValueOrDefault(mime, ""),
            DisplayDataOutput d => d.Data.GetValueOrDefault(mime, ""),
            _ => "",
        }));

    [Fact]
    public async Task VariablesCarryFromCellToCell()
    {
        await engine.ExecuteAsync("var x = 20;");
        var result = await engine.ExecuteAsync("x * 2 + 2");
        Assert.Equal("42", Text(result));
        Assert.Equal(2, result.ExecutionCount);
    }

    [Theory]
    [InlineData("1 + 1", true)]
    [InlineData("1 + 1;", false)]
    [InlineData("var y = 3;", false)]
    [InlineData("\"text\"", true)]
    public async Task OnlyATrailingBareExpressionIsTheResult(string code, bool hasResult)
    {
        var result = await engine.ExecuteAsync(code);
        Assert.Equal(hasResult, result.Outputs.OfType<ExecuteResultOutput>().Any());
    }

    [Fact]
    public async Task StandardOutputAndErrorAreCapturedPerCell()
    {
        var result = await engine.ExecuteAsync("Console.WriteLine(\"out 1\"); Console.Error.WriteLine(\"err\"); Console.Write(\"out 2\\n\");");
        var streams = result.Outputs.OfType<StreamOutput>().ToList();
        Assert.Contains(streams, s => s.Name == "stdout" && s.Text.Contains("out 1"));
        Assert.Contains(streams, s => s.Name == "stderr" && s.Text == "err\n");
        var next = await engine.ExecuteAsync("1");
        Assert.Empty(next.Outputs.OfType<StreamOutput>());
    }

    [Fact]
    public async Task ACompilationErrorNamesTheCellAndLine()
    {
        var result = await engine.ExecuteAsync("var a = 1;\nvar b = undefinedName + 1;");
        Assert.False(result.Succeeded);
        Assert.Equal("CompilationError", result.Error!.EName);
        Assert.StartsWith("line 2:", result.Error.EValue);
        Assert.Contains("undefinedName", result.Error.EValue);
    }

    [Fact]
    public async Task AnExceptionShowsTheUsersLineAndNoEngineFrames()
    {
        var result = await engine.ExecuteAsync("var a = 1;\nthrow new ArgumentException(\"numEpochs must be positive\");");
        Assert.Equal("ArgumentException", result.Error!.EName);
        Assert.Equal("numEpochs must be positive", result.Error.EValue);
        Assert.Contains(result.Error.Traceback, line => line.Contains("cell 1, line 2"));
        Assert.DoesNotContain(result.Error.Traceback, line => line.Contains("Microsoft.CodeAnalysis") || line.Contains("Course.Notebooks"));
    }

    [Fact]
    public async Task StateSurvivesAFailedCell()
    {
        await engine.ExecuteAsync("var kept = 7;");
        await engine.ExecuteAsync("throw new InvalidOperationException(\"boom\");");
        Assert.Equal("7", Text(await engine.ExecuteAsync("kept")));
    }

    [Fact]
    public async Task TypesCanBeRedefinedInLaterCells()
    {
        await engine.ExecuteAsync("record Point(int X);");
        await engine.ExecuteAsync("record Point(int X, int Y);");
        Assert.Equal("3", Text(await engine.ExecuteAsync("new Point(1, 2) is var p ? p.X + p.Y : 0")));
    }

    [Fact]
    public async Task TopLevelAwaitWorks() =>
        Assert.Equal("5", Text(await engine.ExecuteAsync("await Task.Delay(1);\nawait Task.FromResult(5)")));

    [Fact]
    public async Task DisplayShowsAValueAndUpdateReplacesItInPlace()
    {
        var cell = NotebookCell.Code("var h = display(\"epoch 1\");\nh.Update(\"epoch 2\");\nConsole.WriteLine(\"done\");");
        await engine.ExecuteCellAsync(cell);
        var shown = Assert.Single(cell.Outputs.OfType<DisplayDataOutput>());
        Assert.Equal("epoch 2", shown.Data[MimeTypes.PlainText]);
        Assert.IsType<DisplayDataOutput>(cell.Outputs[0]);
    }

    [Fact]
    public async Task AnUpdateFromALaterCellChangesTheEarlierCell()
    {
        var first = NotebookCell.Code("var h = display(1);");
        await engine.ExecuteCellAsync(first);
        await engine.ExecuteAsync("h.Update(2);");
        Assert.Equal("2", Assert.Single(first.Outputs.OfType<DisplayDataOutput>()).Data[MimeTypes.PlainText]);
    }

    [Fact]
    public async Task AShippedNuGetPackageResolvesAndTorchRuns()
    {
        var result = await engine.ExecuteAsync("#r \"nuget: TorchSharp-cpu, 0.107.0\"\nusing static TorchSharp.torch;\nones(3, 4).sum().item<float>()");
        Assert.True(result.Succeeded, result.Error?.EValue);
        Assert.Equal("12", Text(result));
    }

    [Fact]
    public async Task TheCourseLibraryLoadsWithOneReference()
    {
        var result = await engine.ExecuteAsync("#r \"nuget: Course\"\nCourse.Metrics.Record(\"engine_test_metric\", 0.5);\nCourse.Metrics.Snapshot()[\"engine_test_metric\"]");
        Assert.True(result.Succeeded, result.Error?.EValue);
        Assert.Equal(0.5, engine.RecordedMetrics["engine_test_metric"]);
    }

    [Fact]
    public async Task AMalformedPackageVersionGivesAClearErrorBeforeAnyRestore()
    {
        var result = await engine.ExecuteAsync("#r \"nuget: Newtonsoft.Json, 1.0 or later\"");
        Assert.Equal("DirectiveError", result.Error!.EName);
        Assert.Equal("#r \"nuget: Newtonsoft.Json, 1.0 or later\": '1.0 or later' is not a NuGet version or range; write e.g. 1.2.0, [1.0, 2.0), 1.* or *-* (prerelease).", result.Error.EValue);
    }

    [Fact]
    public async Task AMissingAssemblyFileNamesThePath()
    {
        var result = await engine.ExecuteAsync("#r \"no/such/Lib.dll\"");
        Assert.Contains(Path.Combine(Path.GetTempPath(), "no/such/Lib.dll"), result.Error!.EValue);
    }

    [Theory]
    [InlineData("#!fsharp\nlet x = 1", "F# cells are not supported (cell 1, line 1)")]
    [InlineData("var a = 1;\n#!f#\nlet x = 1", "F# cells are not supported (cell 1, line 2)")]
    [InlineData("#!pwsh\nGet-Date", "#!pwsh cells are not supported (cell 1, line 1)")]
    public async Task OtherKernelsCellsAreNotSupported(string code, string message)
    {
        var result = await engine.ExecuteAsync(code);
        Assert.Equal("DirectiveError", result.Error!.EName);
        Assert.StartsWith(message, result.Error.EValue);
    }

    [Fact]
    public async Task ImportRunsAFileRelativeToTheNotebook()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("helpers.csx"), "int Twice(int x) => 2 * x;");
        var local = new NotebookEngine(folder.Path);
        var result = await local.ExecuteAsync("#!import helpers.csx\nTwice(21)");
        Assert.Equal("42", Text(result));
    }

    [Fact]
    public async Task LoadRunsAScriptRelativeToTheNotebook()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("lib"));
        File.WriteAllText(folder.File("lib/helpers.csx"), "#load \"more.csx\"\nint Twice(int x) => 2 * x;");
        File.WriteAllText(folder.File("lib/more.csx"), "int Thrice(int x) => 3 * x;");
        var local = new NotebookEngine(folder.Path);
        Assert.Null((await local.ExecuteAsync("#load \"lib/helpers.csx\"")).Error);
        Assert.Equal("42 63", Text(await local.ExecuteAsync("$\"{Twice(21)} {Thrice(21)}\"")));
    }

    [Fact]
    public async Task ReadingConsoleInputFailsWithAClearMessage()
    {
        var result = await engine.ExecuteAsync("Console.ReadLine()");
        Assert.Contains("parameters cell", result.Error!.EValue);
    }

    [Fact]
    public async Task AFormatterRegisteredByTheUserIsUsed()
    {
        await engine.ExecuteAsync("record Money(decimal Amount);\nMicrosoft.DotNet.Interactive.Formatting.Formatter.Register<Money>(m => $\"{m.Amount:F2} EUR\", \"text/plain\");");
        Assert.Equal("3.50 EUR", Text(await engine.ExecuteAsync("new Money(3.5m)")));
    }

    [Fact]
    public async Task TimeReportsWallTime() =>
        Assert.Contains("Wall time:", Text(await engine.ExecuteAsync("#!time\nvar t = 1;")));
}
