namespace Course.Notebooks.Grading;

/// <summary>One submission's line of a gradebook: its results, and the time and memory grading it took.</summary>
/// <param name="Submission">The submission's file name.</param>
/// <param name="Score">Points earned.</param>
/// <param name="MaxScore">Points available.</param>
/// <param name="Tests">Every test's result, in the key's order.</param>
/// <param name="Errors">Errors and notes about the student's own cells.</param>
/// <param name="Isolation">How the student's code was confined.</param>
/// <param name="Seconds">Wall time of grading it.</param>
/// <param name="CpuSeconds">CPU time of its sandboxed worker's process tree.</param>
/// <param name="PeakMemoryMb">Peak resident memory of that tree, in MiB (<see cref="ResourceUsage.PeakMemoryBytes"/>).</param>
public sealed record GradebookRow(string Submission, double Score, double MaxScore, IReadOnlyList<TestResult> Tests, IReadOnlyList<string> Errors, string Isolation,
                                  double Seconds, double CpuSeconds, double PeakMemoryMb)
{
    /// <summary>The row of <paramref name="report"/>.</summary>
    public static GradebookRow Of(GradeReport report) => new(
        Path.GetFileName(report.Submission), report.Score, report.MaxScore, report.Tests, report.SubmissionErrors, report.Isolation,
        Math.Round(report.Elapsed.TotalSeconds, 2), Math.Round(report.Usage.Cpu.TotalSeconds, 2), Math.Round(report.Usage.PeakMemoryBytes / 1048576.0, 1));

    /// <summary>This row with its timings and memory set to 0: what two runs of one batch agree on.</summary>
    public GradebookRow WithoutTimings() => this with { Seconds = 0, CpuSeconds = 0, PeakMemoryMb = 0 };
}
