using System.Diagnostics;

namespace Course.Notebooks.Tests.Support;

/// <summary>Runs the real <c>course</c> command (the built course.dll) in a child process.</summary>
public static class CourseCli
{
    public sealed record Result(int ExitCode, string Out, string Error);

    /// <summary>The built course.dll's hidden <c>grade-worker</c> verb: how an in-process <see cref="Course.Notebooks.Grading.Grader"/> starts its workers.</summary>
    public static ProcessStartInfo WorkerStart()
    {
        var start = new ProcessStartInfo("dotnet");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Course.Cli.dll"));
        start.ArgumentList.Add("grade-worker");
        return start;
    }

    public static Result Run(string workingDirectory, params string[] args) => Run(TimeSpan.FromMinutes(5), workingDirectory, args);

    /// <summary>Run with a time limit other than the usual 5 minutes (grading a training notebook runs it three times).</summary>
    public static Result Run(TimeSpan limit, string workingDirectory, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Course.Cli.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("course " + string.Join(' ', args) + $" did not finish in {limit.TotalMinutes:0.#} minutes");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
