using Course.Grading;
using Course.Notebooks.Grading;

namespace Course.Notebooks.Tests.Grading;

/// <summary>The grader's decision from the student's reported values and the key's expectations.</summary>
public class VerdictTests
{
    private static readonly KeyTest test = new("twice", 2, "", [
        new ProbeRecord(0, "Equal", CheckValue.From(6), 0, "Twice(3)", null, null),
        new ProbeRecord(1, "Close", CheckValue.From(-8.0), 0.1, "Twice(-4)", null, null),
    ], null, []);

    private static WorkerReply Reply(string status = "ok", string message = "", params ProbeRecord[] records) => new("n", status, message, records);

    private static ProbeRecord Value(int check, object? value) => new(check, null, CheckValue.From(value), 0, null, null, null);

    [Fact]
    public void TheRightValuesPassAndTheFirstWrongOneFailsWithTheKeysMessage()
    {
        Assert.Equal(TestStatus.Passed, Verdict.Judge(test, Reply(records: [Value(0, 6), Value(1, -8.05)]), TimeSpan.FromSeconds(1)).Status);
        var failed = Verdict.Judge(test, Reply(records: [Value(0, 6), Value(1, -4)]), TimeSpan.FromSeconds(1));
        Assert.Equal((TestStatus.Failed, 0.0, "Twice(-4) should be -8 (± 0.1), got -4"), (failed.Status, failed.Points, failed.Message));
    }

    [Fact]
    public void ForgedOrMissingReportsCannotPass()
    {
        Assert.Equal(TestStatus.Error, Verdict.Judge(test, Reply(), TimeSpan.FromSeconds(1)).Status);                                   // "ok" with no values
        Assert.Equal(TestStatus.Error, Verdict.Judge(test, Reply(records: [Value(1, -8), Value(0, 6)]), TimeSpan.FromSeconds(1)).Status); // out of order
        Assert.Equal(TestStatus.Failed, Verdict.Judge(test, Reply(records: [Value(0, true), Value(1, true)]), TimeSpan.FromSeconds(1)).Status);
        Assert.Equal(TestStatus.Error, Verdict.Judge(test, Reply(records: [Value(0, 6), Value(1, -8), Value(2, 0)]), TimeSpan.FromSeconds(1)).Status);
        Assert.Equal(TestStatus.TimedOut, Verdict.Judge(test, null, TimeSpan.FromSeconds(1)).Status);
    }

    [Fact]
    public void AnUnansweredExerciseIsSaidSo()
    {
        var result = Verdict.Judge(test, Reply("error", "NotImplementedException: The method or operation is not implemented."), TimeSpan.FromSeconds(1));
        Assert.Equal("not answered yet: the exercise still throws NotImplementedException", result.Message);
    }
}
