using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Course.Notebooks.Grading;

/// <summary>Writes grade reports as text (terminal), JSON and a CSV gradebook.</summary>
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
        submission_errors = report.SubmissionErrors,
        tests = report.Tests.Select(t => new { name = t.Name, status = t.Status.ToString().ToLowerInvariant(), points = t.Points, max_points = t.MaxPoints, message = t.Message }),
    }, new JsonSerializerOptions { WriteIndented = true });

    /// <summary>A gradebook: one row per submission, one column per test, then the total.</summary>
    public static string Csv(IReadOnlyList<GradeReport> reports)
    {
        var names = reports.SelectMany(r => r.Tests.Select(t => t.Name)).Distinct().ToList();
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(',', new[] { "submission" }.Concat(names).Append("score").Append("max_score").Select(Quote)));
        foreach (var r in reports)
        {
            var cells = names.Select(n => r.Tests.FirstOrDefault(t => t.Name == n) is { } t ? Points(t.Points) : "");
            csv.AppendLine(string.Join(',', new[] { Quote(Printable(Path.GetFileName(r.Submission))) }.Concat(cells).Append(Points(r.Score)).Append(Points(r.MaxScore))));
        }
        return csv.ToString();
    }

    /// <summary>A CSV field: quoted when needed, and never read as a formula by a spreadsheet (a leading = + - @ gets a ').</summary>
    private static string Quote(string s)
    {
        if (s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r') s = "'" + s;
        return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
    }

    /// <summary>Text with control characters (escape sequences, carriage returns, bells) replaced by spaces.</summary>
    internal static string Printable(string s) => string.Concat(s.Select(c => char.IsControl(c) ? ' ' : c));
}
