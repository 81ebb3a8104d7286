using System.Diagnostics;
using Course.Notebooks.Grading;

namespace Course.Notebooks.Tests.Grading;

/// <summary>How a worker's silence is told apart: past the time limit (timed out) vs the process gone (error).</summary>
public class WorkerProcessTests
{
    private static ProcessStartInfo Shell(string script)
    {
        var start = new ProcessStartInfo("/bin/sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        return start;
    }

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
        Assert.Equal("error", reply.Value.Status);
        Assert.Contains("ended the grading process", reply.Value.Message);
    }

    [Fact]
    public void AnAnswerIsPassedOn()
    {
        using var worker = new WorkerProcess(Shell("""read line; echo '{"status":"ok","message":""}'; read line"""));
        Assert.Equal(("ok", ""), worker.Run("1 + 1", TimeSpan.FromSeconds(20)));
    }
}
