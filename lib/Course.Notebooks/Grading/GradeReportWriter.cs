using System.Globalization;
using System.Text.Json;

namespace Course.Notebooks.Grading;

/// <summary>Writes grade reports as text (terminal) and JSON; <see cref="Gradebook"/> writes a batch's.</summary>
public static class GradeReportWriter
{
    /// <summary>Points as reports print them: up to two decimals, invariant culture.</summary>
    internal static string Points(double p) => p.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>How a test ended, in the words of every report.</summary>
    internal static string Word(TestStatus status) => status switch
    {
        TestStatus.Passed => "passed", TestStatus.Failed => "failed", TestStatus.Error => "error", _ => "timed out",
    };

    /// <summary>Lines for the terminal; the last is <c>score: X/Y</c>. Control characters a student's messages carry are removed.</summary>
    public static IEnumerable<string> Text(GradeReport report) => Lines(report).Select(Printable);

    private static IEnumerable<string> Lines(GradeReport report)
    {
        yield return $"grading {report.Submission} ({report.Isolation})";
        foreach (var error in report.SubmissionErrors) yield return $"  note: {error}";
        foreach (var t in report.Tests)
        {
            var mark = t.Status == TestStatus.Passed ? "✔" : "✘";
            yield return $"  {mark} {t.Name}: {Word(t.Status)} {Points(t.Points)}/{Points(t.MaxPoints)}" + (t.Message.Length > 0 ? $" — {t.Message}" : "");
        }
        if (report.Usage.PeakMemoryBytes > 0)
            yield return FormattableString.Invariant($"  took {report.Elapsed.TotalSeconds:0.0} s ({report.Usage.Cpu.TotalSeconds:0.0} s of CPU), peak memory {report.Usage.PeakMemoryBytes / 1048576.0:0} MB");
        yield return $"score: {Points(report.Score)}/{Points(report.MaxScore)}";
    }

    /// <summary>The report as JSON.</summary>
    public static string Json(GradeReport report) => JsonSerializer.Serialize(new
    {
        submission = report.Submission,
        score = report.Score,
        max_score = report.MaxScore,
        isolation = report.Isolation,
        seconds = Math.Round(report.Elapsed.TotalSeconds, 2),
        cpu_seconds = Math.Round(report.Usage.Cpu.TotalSeconds, 2),
        peak_memory_mb = Math.Round(report.Usage.PeakMemoryBytes / 1048576.0, 1),
        submission_errors = report.SubmissionErrors,
        tests = report.Tests.Select(t => new { name = t.Name, status = t.Status.ToString().ToLowerInvariant(), points = t.Points, max_points = t.MaxPoints, message = t.Message }),
    }, new JsonSerializerOptions { WriteIndented = true });

    /// <summary>A CSV field: quoted when needed, and never read as a formula by a spreadsheet (a leading = + - @ gets a ').</summary>
    internal static string Quote(string s)
    {
        if (s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r') s = "'" + s;
        return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
    }

    /// <summary>Text with control characters (escape sequences, carriage returns, bells) replaced by spaces.</summary>
    public static string Printable(string s) => string.Concat(s.Select(c => char.IsControl(c) ? ' ' : c));
}
