using Course.Grading;

namespace Course.Notebooks.Grading;

/// <summary>Decides a test from what the student's process reported and what the key expects, in the grader's process.</summary>
/// <remarks>
/// The student's reports are values only; each is compared with the key's expected value of the same check, in the
/// same order, by <see cref="Comparison"/>. A report that is missing, out of order or malformed fails the test; nothing
/// the student's process says can pass a check except the value the check expects.
/// </remarks>
public static class Verdict
{
    /// <summary>The result of <paramref name="test"/> given the student's <paramref name="reply"/> (null: timed out).</summary>
    public static TestResult Judge(KeyTest test, WorkerReply? reply, TimeSpan timeout)
    {
        TestResult Result(TestStatus status, string message) => Of(test, status, message);
        if (test.KeyError is { } keyError) return Result(TestStatus.Error, $"the key fails this test, so it cannot be graded (tell your instructor): {keyError}");
        if (reply is null) return Result(TestStatus.TimedOut, TimedOut(timeout));

        var reports = reply.Records;
        for (var i = 0; i < test.Expectations.Count; i++)
        {
            var expected = test.Expectations[i];
            if (i >= reports.Count)
                return reply.Status == "error" ? Result(TestStatus.Error, Explain(reply.Message)) : Result(TestStatus.Error, $"check {i + 1} did not run");
            var actual = reports[i];
            if (actual.Check != expected.Check)
                return Result(TestStatus.Error, $"the checks ran in another order than in the key (check {actual.Check + 1} where check {expected.Check + 1} was due)");
            if (actual.Error is { } error) return Result(TestStatus.Failed, $"{expected.What}: {error}");
            if (actual.Value is null) return Result(TestStatus.Error, $"check {i + 1} reported no value");
            if (Comparison.Judge(expected.Kind!, actual.Value, expected.Value!, expected.Tolerance, expected.What!) is { } failure)
                return Result(TestStatus.Failed, failure);
        }
        if (reply.Status == "error") return Result(TestStatus.Error, Explain(reply.Message));
        if (reports.Count > test.Expectations.Count) return Result(TestStatus.Error, "more checks ran than in the key");
        return Result(TestStatus.Passed, "");
    }

    /// <summary>A self-check (<see cref="GradingKey.SelfCheck"/>): the grade cell ran as written; a failed check threw <c>GradeFailure</c>.</summary>
    public static TestResult SelfCheck(KeyTest test, WorkerReply? reply, TimeSpan timeout)
    {
        const string failure = "GradeFailure: ";
        TestResult Result(TestStatus status, string message) => Of(test, status, message);
        return reply switch
        {
            null => Result(TestStatus.TimedOut, TimedOut(timeout)),
            { Status: "ok" } => Result(TestStatus.Passed, ""),
            { Message: var m } when m.StartsWith(failure, StringComparison.Ordinal) => Result(TestStatus.Failed, m[failure.Length..]),
            { Message: var m } => Result(TestStatus.Error, Explain(m)),
        };
    }

    private static TestResult Of(KeyTest test, TestStatus status, string message) =>
        new(test.Name, status, status == TestStatus.Passed ? test.Points : 0, test.Points, message);

    private static string TimedOut(TimeSpan timeout) => $"stopped after {timeout.TotalSeconds:0.#} s: an endless loop, or code far too slow";

    /// <summary>The note for an unanswered exercise, else the error as it is.</summary>
    public static string Explain(string message) =>
        message.Contains("NotImplementedException", StringComparison.Ordinal)
            ? "not answered yet: the exercise still throws NotImplementedException"
            : message;
}
