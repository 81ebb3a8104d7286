using System.Text.Json.Nodes;
using Course.Notebooks.Kernel;
using Course.Notebooks.Tests.Support;

namespace Course.Notebooks.Tests.Kernel;

/// <summary>The control channel in process: a request in, the replies and broadcasts out.</summary>
public class ControlDispatcherTests
{
    private readonly RecordingOutbox outbox = new();
    private readonly List<string> log = [];
    private int interrupts;
    private readonly ControlDispatcher control;

    public ControlDispatcherTests() => control = new ControlDispatcher(new KernelSession(outbox), () => interrupts++, log.Add);

    private static JupyterMessage Request(string type, JsonObject? content = null) => JupyterMessage.Create("client", type, content ?? []);

    [Fact]
    public void AShutdownRequestIsAnsweredBroadcastAndStopsTheKernelAfterwards()
    {
        control.Handle(Request("shutdown_request", new JsonObject { ["restart"] = true }));
        var reply = outbox.Single(KernelChannel.Control, "shutdown_reply");
        Assert.Equal("ok", reply.Content["status"]!.GetValue<string>());
        Assert.True(reply.Content["restart"]!.GetValue<bool>());
        Assert.Equal(["status", "shutdown_reply", "status"], outbox.Types(KernelChannel.Iopub));
        Assert.True(outbox.Stopped);
    }

    [Theory]
    [InlineData("\"yes\"", "the string \"yes\"")]
    [InlineData("1", "the number 1")]
    [InlineData("[]", "an array")]
    public void AShutdownWhoseRestartIsNotABooleanGetsAnErrorReplyAndDoesNotStop(string restart, string described)
    {
        control.Handle(Request("shutdown_request", new JsonObject { ["restart"] = JsonNode.Parse(restart) }));
        var reply = outbox.Single(KernelChannel.Control, "shutdown_reply");
        Assert.Equal("error", reply.Content["status"]!.GetValue<string>());
        Assert.Equal("BadRequest", reply.Content["ename"]!.GetValue<string>());
        Assert.Equal($"shutdown_request: \"restart\" must be true or false, not {described} (Jupyter messaging protocol 5.3).", reply.Content["evalue"]!.GetValue<string>());
        Assert.False(outbox.Stopped);
        Assert.Equal(["status", "status"], outbox.Types(KernelChannel.Iopub));
    }

    [Fact]
    public void AnInterruptRequestInterruptsAndReplies()
    {
        control.Handle(Request("interrupt_request"));
        Assert.Equal(1, interrupts);
        Assert.Equal("ok", outbox.Single(KernelChannel.Control, "interrupt_reply").Content["status"]!.GetValue<string>());
    }

    [Fact]
    public void KernelInfoIsAnsweredOnControlWithTheProtocolVersion()
    {
        control.Handle(Request("kernel_info_request"));
        Assert.Equal("5.3", outbox.Single(KernelChannel.Control, "kernel_info_reply").Content["protocol_version"]!.GetValue<string>());
    }

    [Fact]
    public void AnUnknownControlMessageIsLoggedAndIgnored()
    {
        control.Handle(Request("debug_request"));
        Assert.Empty(outbox.Types(KernelChannel.Control));
        Assert.Contains(log, l => l.Contains("debug_request"));
    }
}
