using System.Diagnostics;
using Course.Notebooks.Grading;

namespace Course.Notebooks.Tests.Grading;

/// <summary>What the grader accepts from a worker: silence past the limit, a process gone, forged or oversized replies.</summary>
public class WorkerProcessTests
{
    internal static ProcessStartInfo Shell(string script)
    {
        var start = new ProcessStartInfo("/bin/sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        return start;
    }

    /// <summary>Reads one request and answers it with its own nonce and <paramref name="status"/>.</summary>
    private const string EchoNonce = """read line; nonce=$(printf '%s' "$line" | sed 's/.*"nonce":"\([0-9A-F]*\)".*/\1/'); """;

    [Fact]
    public void AWorkerThatNeverAnswersIsATimeoutEvenThoughKillingItClosesItsOutput()
    {
        for (var i = 0; i < 5; i++)   // the old race showed up on most tries
        {
            using var worker = new WorkerProcess(Shell("read line; sleep 60"));
            Assert.Null(worker.Run("while (true) { }", TimeSpan.FromMilliseconds(300)));
        }
    }

    [Fact]
    public void AWorkerThatExitsIsAnErrorNamingTheCause()
    {
        using var worker = new WorkerProcess(Shell("read line; exit 3"));
        var reply = worker.Run("Environment.Exit(3);", TimeSpan.FromSeconds(20));
        Assert.NotNull(reply);
        Assert.Equal("error", reply.Status);
        Assert.Contains("ended the grading process", reply.Message);
    }

    [Fact]
    public void AnAnswerCarryingItsRequestsNonceIsPassedOn()
    {
        using var worker = new WorkerProcess(Shell(EchoNonce + """echo "{\"nonce\":\"$nonce\",\"status\":\"ok\",\"message\":\"\",\"records\":[]}"; read line"""));
        var reply = worker.Run("1 + 1", TimeSpan.FromSeconds(20));
        Assert.Equal(("ok", ""), (reply!.Status, reply.Message));
    }

    [Fact]
    public void AForgedAnswerWithoutTheNonceIsAnErrorForThatRequestOnly()
    {
        using var worker = new WorkerProcess(Shell("""read line; echo '{"nonce":"0123","status":"ok","message":"","records":[]}'; read line"""));
        var reply = worker.Run("1 + 1", TimeSpan.FromSeconds(20));
        Assert.Equal("error", reply!.Status);
        Assert.Contains("does not belong to this request", reply.Message);
    }

    [Fact]
    public void AFloodOnStandardErrorIsDrainedAndDoesNotBlockTheReply()
    {
        using var worker = new WorkerProcess(Shell(EchoNonce + """head -c 50000000 /dev/zero >&2; echo "{\"nonce\":\"$nonce\",\"status\":\"ok\",\"message\":\"\",\"records\":[]}"; read line"""));
        Assert.Equal("ok", worker.Run("1 + 1", TimeSpan.FromSeconds(60))!.Status);
    }
}

/// <summary>Counts the process's allocations, so it runs alone (other tests allocate too).</summary>
[Collection(nameof(ProcessWide))]
public class WorkerProcessMemoryTests
{
    [Fact]
    public void AnEndlessReplyLineIsCutOffWithoutFillingTheGradersMemory()
    {
        var before = GC.GetTotalAllocatedBytes();
        using var worker = new WorkerProcess(WorkerProcessTests.Shell($"read line; head -c {WorkerProcess.MaxReplyBytes + (4 << 20)} /dev/zero | tr '\\0' 'a'; sleep 60"));
        var reply = worker.Run("1 + 1", TimeSpan.FromSeconds(60));
        Assert.Equal("error", reply!.Status);
        Assert.True(GC.GetTotalAllocatedBytes() - before < 4L * WorkerProcess.MaxReplyBytes, "the reader kept far more than one capped line");
    }
}
