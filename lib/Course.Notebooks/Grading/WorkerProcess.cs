using System.Diagnostics;
using System.Text.Json;

namespace Course.Notebooks.Grading;

/// <summary>One running grade worker: send a cell, wait for its reply or the time limit.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process process;

    public WorkerProcess(ProcessStartInfo start)
    {
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        process = Process.Start(start) ?? throw new InvalidOperationException($"could not start the grade worker {start.FileName}");
        process.ErrorDataReceived += (_, _) => { }; // the student's stderr is captured per cell; drain the rest
        process.BeginErrorReadLine();
    }

    /// <summary>Run <paramref name="code"/>; null when the worker did not answer within <paramref name="timeout"/> (it is then killed).</summary>
    public (string Status, string Message)? Run(string code, TimeSpan timeout)
    {
        process.StandardInput.WriteLine(JsonSerializer.Serialize(new { code }));
        process.StandardInput.Flush();
        var read = process.StandardOutput.ReadLineAsync();
        if (!read.Wait(timeout))
        {
            Kill();   // after this the pending read ends with null too: decide by the wait, not by the read
            return null;
        }
        if (read.Result is null)
        {
            Kill();
            return ("error", "the student's code ended the grading process (e.g. Environment.Exit or a crash)");
        }
        var reply = JsonDocument.Parse(read.Result).RootElement;
        return (reply.GetProperty("status").GetString()!, reply.GetProperty("message").GetString()!);
    }

    private void Kill()
    {
        try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        process.WaitForExit(5000);
    }

    public void Dispose()
    {
        try { process.StandardInput.Close(); } catch (IOException) { }
        if (!process.WaitForExit(5000)) Kill();
        process.Dispose();
    }
}
