using System.Text.Json.Nodes;
using Course.Notebooks.Kernel;
using Course.Notebooks.Tests.Support;

namespace Course.Notebooks.Tests.Kernel;

/// <summary>The shell and stdin channels over a real engine, in process: a request in, the replies and broadcasts out.</summary>
public class ShellDispatcherTests : IDisposable
{
    private readonly RecordingOutbox outbox = new();
    private readonly List<string> log = [];
    private readonly TempFolder folder = new();
    private readonly KernelExecution execution;
    private readonly ShellDispatcher shell;
    private readonly StdinDispatcher stdin;

    public ShellDispatcherTests()
    {
        var session = new KernelSession(outbox);
        execution = new KernelExecution(session, folder.Path, new KernelParameters(new Dictionary<string, string>()), folder.File("metrics.json"), "07-demo", log.Add);
        shell = new ShellDispatcher(session, execution, log.Add);
        stdin = new StdinDispatcher(execution, log.Add);
    }

    public void Dispose() => folder.Dispose();

    private static JupyterMessage Request(string type, JsonObject content) => JupyterMessage.Create("client", type, content);

    private static JsonObject Execute(string code, bool allowStdin = false) => new() { ["code"] = code, ["silent"] = false, ["allow_stdin"] = allowStdin };

    [Fact]
    public async Task AnExecuteRequestBroadcastsInputOutputAndResultThenReplies()
    {
        await shell.HandleAsync(Request("execute_request", Execute("Console.WriteLine(\"hi\");\n6 * 7")));
        Assert.Equal(["status", "execute_input", "stream", "execute_result", "status"], outbox.Types(KernelChannel.Iopub));
        Assert.Equal("hi\n", outbox.Single(KernelChannel.Iopub, "stream").Content["text"]!.GetValue<string>());
        Assert.Equal("42", outbox.Single(KernelChannel.Iopub, "execute_result").Content["data"]!["text/plain"]!.GetValue<string>());
        var reply = outbox.Single(KernelChannel.Shell, "execute_reply");
        Assert.Equal("ok", reply.Content["status"]!.GetValue<string>());
        Assert.Equal(1, reply.Content["execution_count"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("execute_request", """{"code": 42}""", "\"code\" must be a string, not the number 42")]
    [InlineData("execute_request", """{"code": "1", "silent": "no"}""", "\"silent\" must be true or false")]
    [InlineData("execute_request", """{"code": "1", "stop_on_error": {}}""", "\"stop_on_error\" must be true or false, not an object")]
    [InlineData("complete_request", """{"code": "Con", "cursor_pos": "end"}""", "\"cursor_pos\" must be an integer")]
    [InlineData("inspect_request", """{"code": "Console", "cursor_pos": 1.5}""", "\"cursor_pos\" must be an integer, not the number 1.5")]
    [InlineData("is_complete_request", """{"code": ["x"]}""", "\"code\" must be a string, not an array")]
    [InlineData("history_request", """{"hist_access_type": "everything"}""", "\"hist_access_type\" must be \"tail\", \"range\" or \"search\"")]
    [InlineData("history_request", """{"hist_access_type": "tail", "n": "all"}""", "\"n\" must be an integer, not the string \"all\"")]
    public async Task AMistypedRequestGetsAnErrorReplyNamingTheFieldAndNothingRuns(string type, string content, string message)
    {
        await shell.HandleAsync(Request(type, JsonNode.Parse(content)!.AsObject()));
        var reply = outbox.Single(KernelChannel.Shell, type.Replace("_request", "_reply"));
        Assert.Equal("error", reply.Content["status"]!.GetValue<string>());
        Assert.Contains(message, reply.Content["evalue"]!.GetValue<string>());
        Assert.Equal(["status", "status"], outbox.Types(KernelChannel.Iopub));
        Assert.Equal(0, execution.Engine.ExecutionCount);
    }

    [Fact]
    public async Task AFailedCellRepliesWithTheErrorAndAbortsTheQueuedCells()
    {
        shell.Enqueue(Request("execute_request", Execute("throw new InvalidOperationException(\"boom\");")));
        shell.Enqueue(Request("execute_request", Execute("1")));
        shell.Enqueue(Request("kernel_info_request", []));
        shell.Complete();
        await shell.ServeAsync();
        var replies = outbox.Sent.Where(m => m.Channel == KernelChannel.Shell).Select(m => m.Message).ToList();
        Assert.Equal(["execute_reply", "execute_reply", "kernel_info_reply"], replies.Select(r => r.MessageType));
        Assert.Equal("error", replies[0].Content["status"]!.GetValue<string>());
        Assert.Contains("boom", replies[0].Content["evalue"]!.GetValue<string>());
        Assert.Equal("aborted", replies[1].Content["status"]!.GetValue<string>());
        Assert.Equal(1, execution.Engine.ExecutionCount);
    }

    [Fact]
    public async Task ReadLineAsksTheFrontEndAndTheStdinReplyAnswersIt()
    {
        outbox.Arrived = (channel, message) =>
        {
            if (channel != KernelChannel.Stdin) return;
            stdin.Handle(JupyterMessage.Create("client", "input_reply", new JsonObject { ["value"] = 3 })); // mistyped: ignored
            stdin.Handle(JupyterMessage.Create("client", "input_reply", new JsonObject { ["value"] = "digits" }));
        };
        await shell.HandleAsync(Request("execute_request", Execute("Console.ReadLine()", allowStdin: true)));
        Assert.Equal("input_request", Assert.Single(outbox.Types(KernelChannel.Stdin)));
        Assert.Equal("digits", outbox.Single(KernelChannel.Iopub, "execute_result").Content["data"]!["text/plain"]!.GetValue<string>());
        Assert.Contains(log, l => l.Contains("\"value\" must be a string"));
    }

    [Fact]
    public async Task MetricsGoToTheFileInCourseRunsShapeUnderTheNotebooksName()
    {
        await shell.HandleAsync(Request("execute_request", Execute("Course.Metrics.Record(\"demo_accuracy\", 0.75);")));
        var metrics = Course.Notebooks.Running.MetricsFile.Read(folder.File("metrics.json"));
        Assert.Equal(0.75, metrics["07-demo"]["demo_accuracy"]);
    }

    [Fact]
    public async Task TheFirstChartCarriesPlotlyJsAndASecondDoesNot()
    {
        const string chart = "display(Plotly.NET.CSharp.Chart.Line<int, int, string>(x: new[] { 1, 2 }, y: new[] { 3, 4 }));";
        await shell.HandleAsync(Request("execute_request", Execute("#r \"nuget: Plotly.NET.CSharp\"\n" + chart + "\n" + chart)));
        var displays = outbox.Sent.Where(m => m.Message.MessageType == "display_data").Select(m => m.Message.Content["data"]!["text/html"]!.GetValue<string>()).ToList();
        Assert.Equal(2, displays.Count);
        Assert.StartsWith(PlotlyLoader.Html, displays[0]);
        Assert.DoesNotContain("if (!window.Plotly)", displays[1]);
        Assert.Contains("window.Plotly.newPlot", displays[1]);
    }

    [Fact]
    public async Task HistoryKeepsTheCellsThatRanWithTheirResultsButNotSilentOnes()
    {
        await shell.HandleAsync(Request("execute_request", Execute("6 * 7")));
        await shell.HandleAsync(Request("execute_request", new JsonObject { ["code"] = "1 + 1", ["silent"] = true }));
        await shell.HandleAsync(Request("execute_request", new JsonObject { ["code"] = "2 + 2", ["store_history"] = false }));
        await shell.HandleAsync(Request("execute_request", Execute("throw new Exception();")));
        await shell.HandleAsync(Request("history_request", new JsonObject { ["hist_access_type"] = "tail", ["n"] = 5, ["output"] = true, ["raw"] = true }));
        var reply = outbox.Single(KernelChannel.Shell, "history_reply");
        Assert.Equal("""[[1,1,["6 * 7","42"]],[1,4,["throw new Exception();",null]]]""", reply.Content["history"]!.ToJsonString());
    }

    [Fact]
    public async Task AQuestionMarkAfterANameAnswersWithAPagerPayloadAndTakesANumber()
    {
        await shell.HandleAsync(Request("execute_request", Execute("Math.Sqrt?")));
        var reply = outbox.Single(KernelChannel.Shell, "execute_reply");
        Assert.Equal("ok", reply.Content["status"]!.GetValue<string>());
        Assert.Equal(1, reply.Content["execution_count"]!.GetValue<int>());
        var page = Assert.Single(reply.Content["payload"]!.AsArray())!;
        Assert.Equal("page", page["source"]!.GetValue<string>());
        Assert.Contains("Math.Sqrt", page["data"]!["text/plain"]!.GetValue<string>());

        await shell.HandleAsync(Request("execute_request", Execute("?NoSuchThing")));
        Assert.Contains("Object `NoSuchThing` not found.", outbox.Sent.Where(m => m.Message.MessageType == "stream").Last().Message.Content["text"]!.GetValue<string>());
        Assert.Equal(2, execution.Engine.ExecutionCount);
    }

    [Fact]
    public async Task ClearOutputSendsClearOutputAndEmptiesTheCell()
    {
        await shell.HandleAsync(Request("execute_request", Execute("Console.WriteLine(\"gone\"); ClearOutput(); display(\"kept\");")));
        Assert.Equal(["status", "execute_input", "stream", "clear_output", "display_data", "status"], outbox.Types(KernelChannel.Iopub));
        Assert.False(outbox.Single(KernelChannel.Iopub, "clear_output").Content["wait"]!.GetValue<bool>());
    }
}
