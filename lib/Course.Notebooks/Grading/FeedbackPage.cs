using System.Globalization;
using System.Net;
using System.Text;

namespace Course.Notebooks.Grading;

/// <summary>
/// A student's feedback as one self-contained HTML page (<c>course grade --html</c>): the score, then each test
/// with its result and the message that says what was expected. No scripts, no network.
/// </summary>
public static class FeedbackPage
{
    /// <summary>The page for <paramref name="report"/>.</summary>
    public static string Render(GradeReport report)
    {
        string E(string s) => WebUtility.HtmlEncode(s);
        string P(double p) => GradeReportWriter.Points(p);
        var name = Path.GetFileName(report.Submission);
        var percent = report.MaxScore > 0 ? 100 * report.Score / report.MaxScore : 0;
        var html = new StringBuilder();
        html.Append($$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Feedback: {{E(name)}}</title>
            <style>
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1f2328;line-height:1.5}
            h1{font-size:1.5rem;margin-bottom:.2rem} .sub{color:#59636e;margin-top:0}
            .score{font-size:2.2rem;font-weight:600;margin:1rem 0 .3rem} .bar{height:.6rem;background:#eaeef2;border-radius:.3rem;overflow:hidden}
            .bar span{display:block;height:100%;background:#1a7f37}
            table{border-collapse:collapse;width:100%;margin-top:1.5rem} th,td{text-align:left;padding:.5rem;border-bottom:1px solid #d1d9e0;vertical-align:top}
            td.points{white-space:nowrap;text-align:right} .passed{color:#1a7f37} .failed,.error,.timedout{color:#cf222e}
            .msg{font-family:ui-monospace,monospace;font-size:.9em;white-space:pre-wrap;margin:0}
            .notes{background:#fff8c5;border:1px solid #d4a72c66;border-radius:.4rem;padding:.5rem 1rem;margin-top:1.5rem}
            footer{color:#59636e;font-size:.85em;margin-top:2rem}
            </style></head><body>
            <h1>Feedback: {{E(name)}}</h1>
            <p class="sub">Graded with the instructor's tests, hidden tests included.</p>
            <div class="score">{{P(report.Score)}} / {{P(report.MaxScore)}} points</div>
            <div class="bar"><span style="width:{{percent.ToString("0.#", CultureInfo.InvariantCulture)}}%"></span></div>
            <table><thead><tr><th>Test</th><th>Result</th><th>Feedback</th><th>Points</th></tr></thead><tbody>

            """);
        foreach (var t in report.Tests)
        {
            var css = t.Status.ToString().ToLowerInvariant();                  // passed, failed, error, timedout
            var word = (t.Status == TestStatus.Passed ? "✔ " : "✘ ") + GradeReportWriter.Word(t.Status);
            html.Append($"<tr><td>{E(t.Name)}</td><td class=\"{css}\">{word}</td><td><p class=\"msg\">{E(t.Message)}</p></td>")
                .Append($"<td class=\"points\">{P(t.Points)} / {P(t.MaxPoints)}</td></tr>\n");
        }
        html.Append("</tbody></table>\n");
        if (report.SubmissionErrors.Count > 0)
        {
            html.Append("<div class=\"notes\"><p>Your own cells raised these errors while the notebook was replayed:</p><ul>\n");
            foreach (var error in report.SubmissionErrors) html.Append($"<li class=\"msg\">{E(error)}</li>\n");
            html.Append("</ul></div>\n");
        }
        html.Append($"<footer>Graded in {report.Elapsed.TotalSeconds:0.0} s; {E(report.Isolation)}.</footer>\n</body></html>\n");
        return html.ToString();
    }
}
