using System.Text.Json.Nodes;
using Course.Notebooks.Tests.Support;

namespace Course.Notebooks.Tests.Kernel;

/// <summary>Signed but malformed messages to a running kernel process: each gets an error reply or is dropped, and the kernel keeps serving.</summary>
public class KernelAttackTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static void AssertStillServes(KernelClient kernel)
    {
        kernel.SendShell("kernel_info_request", []);
        Assert.True(kernel.ReceiveShell("kernel_info_reply", Wait) is not null, "the kernel stopped answering:\n" + string.Join('\n', kernel.Log));
        Assert.True(kernel.IsRunning);
    }

    private static void AssertError(Course.Notebooks.Kernel.JupyterMessage? reply, string field)
    {
        Assert.NotNull(reply);
        Assert.Equal("error", reply!.Content["status"]!.GetValue<string>());
        Assert.Contains(field, reply.Content["evalue"]!.GetValue<string>());
    }

    [Fact]
    public void AShutdownWhoseRestartIsNotABooleanGetsAnErrorReplyAndTheKernelKeepsRunning()
    {
        using var folder = new TempFolder();
        using var kernel = new KernelClient(folder);
        kernel.SendControl("shutdown_request", new JsonObject { ["restart"] = "yes" });
        AssertError(kernel.ReceiveControl("shutdown_reply", Wait), "restart");
        AssertStillServes(kernel);
    }

    [Fact]
    public void MistypedShellAndStdinMessagesGetErrorRepliesAndTheKernelKeepsRunning()
    {
        using var folder = new TempFolder();
        using var kernel = new KernelClient(folder);
        kernel.SendShell("execute_request", new JsonObject { ["code"] = 42, ["silent"] = false });
        AssertError(kernel.ReceiveShell("execute_reply", Wait), "code");
        kernel.SendShell("complete_request", new JsonObject { ["code"] = "Con", ["cursor_pos"] = "end" });
        AssertError(kernel.ReceiveShell("complete_reply", Wait), "cursor_pos");
        kernel.SendShell("execute_request", new JsonObject { ["code"] = "1", ["silent"] = "no" });
        AssertError(kernel.ReceiveShell("execute_reply", Wait), "silent");
        kernel.SendStdin("input_reply", new JsonObject { ["value"] = new JsonArray(1, 2) });
        AssertStillServes(kernel);
    }

    [Fact]
    public void AFrameOverTheSizeLimitIsDroppedAndTheKernelKeepsRunning()
    {
        using var folder = new TempFolder();
        using var kernel = new KernelClient(folder);
        kernel.SendShellFrames(kernel.Frames("execute_request", new JsonObject { ["code"] = "// " + new string('x', 17 << 20) }));
        Assert.Null(kernel.ReceiveShell("execute_reply", TimeSpan.FromSeconds(5)));
        AssertStillServes(kernel);
        Assert.Contains(kernel.Log, line => line.Contains("bytes") && line.Contains("limit"));
    }
}
