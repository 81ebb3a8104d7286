using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Course.Notebooks.Grading;

/// <summary>One running grade worker: send a cell, wait for its reply or the time limit.</summary>
/// <remarks>
/// Everything that comes back is distrusted: a reply line longer than <see cref="MaxReplyBytes"/>, one that is not a
/// reply or one that carries another request's nonce is an error for that request alone (and the worker is ended).
/// The worker's standard error — where the student's own output lands — is read and thrown away as it comes, so no
/// amount of output can fill the grader's memory.
/// </remarks>
internal sealed class WorkerProcess : IDisposable
{
    /// <summary>Largest reply the grader reads.</summary>
    public const int MaxReplyBytes = 64 << 20;

    private readonly Process process;
    private readonly IDisposable? cgroup;
    private readonly ProcessTreeMeter meter;
    private readonly Stream replies;
    private readonly byte[] buffer = new byte[64 << 10];
    private int buffered, start;

    public WorkerProcess(ProcessStartInfo startInfo, IDisposable? cgroup = null)
    {
        this.cgroup = cgroup;
        startInfo.RedirectStandardInput = true;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.UseShellExecute = false;
        process = Process.Start(startInfo) ?? throw new InvalidOperationException($"could not start the grade worker {startInfo.FileName}");
        replies = process.StandardOutput.BaseStream;
        _ = process.StandardError.BaseStream.CopyToAsync(Stream.Null);
        meter = new ProcessTreeMeter(process.Id);
    }

    /// <summary>The worker's process id (for tests that look for what it left behind).</summary>
    public int Id => process.Id;

    /// <summary>Peak memory and CPU time of the worker's process tree, as of its last cell (and, once disposed, up to its end).</summary>
    public ResourceUsage Usage => meter.Usage;

    /// <summary>Run <paramref name="code"/>; null when the worker did not answer within <paramref name="timeout"/> (it is then killed).</summary>
    public WorkerReply? Run(string code, TimeSpan timeout, bool grade = false)
    {
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        try
        {
            process.StandardInput.WriteLine(JsonSerializer.Serialize(new WorkerRequest(nonce, code, grade), WorkerJson.Options));
            process.StandardInput.Flush();
        }
        catch (IOException)
        {
            return Ended(nonce);
        }
        // A thread of its own, not the pool's: N workers graded at once would otherwise hold N pool threads in a blocking read.
        var read = Task.Factory.StartNew(ReadLine, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var answered = read.Wait(timeout);
        meter.Sample();
        if (!answered)
        {
            Kill();   // after this the pending read ends too: decide by the wait, not by the read
            return null;
        }
        if (read.Result is not { } line) return Ended(nonce);
        WorkerReply? reply = null;
        try
        {
            reply = line.Length == 0 ? null : JsonSerializer.Deserialize<WorkerReply>(line, WorkerJson.Options);
        }
        catch (JsonException)
        {
        }
        if (reply?.Nonce == nonce && reply.Status is "ok" or "error" && reply.Records is not null) return reply;
        Kill();
        return new WorkerReply(nonce, "error", "the grading process sent a reply that does not belong to this request (was something written into its channel?)", []);
    }

    private WorkerReply Ended(string nonce)
    {
        Kill();
        return new WorkerReply(nonce, "error", "the student's code ended the grading process (a crash, running out of memory or stack, or a file past the size limit)", []);
    }

    /// <summary>The next line from the reply channel; "" when it is too long, null when the channel closed.</summary>
    private string? ReadLine()
    {
        var line = new MemoryStream();
        while (true)
        {
            if (start == buffered)
            {
                start = 0;
                buffered = replies.Read(buffer, 0, buffer.Length);
                if (buffered == 0) return null;
            }
            var newline = Array.IndexOf(buffer, (byte)'\n', start, buffered - start);
            var end = newline < 0 ? buffered : newline;
            if (line.Length + (end - start) > MaxReplyBytes) return "";
            line.Write(buffer, start, end - start);
            start = newline < 0 ? buffered : newline + 1;
            if (newline >= 0) return Encoding.UTF8.GetString(line.GetBuffer(), 0, (int)line.Length);
        }
    }

    private void Kill()
    {
        meter.Sample();
        try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        process.WaitForExit(5000);
    }

    public void Dispose()
    {
        meter.Sample();   // while the tree is still alive: closing its input ends it
        try { process.StandardInput.Close(); } catch (IOException) { }
        if (!process.WaitForExit(5000)) Kill();
        process.Dispose();
        cgroup?.Dispose();
    }
}
