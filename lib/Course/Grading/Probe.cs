using System.ComponentModel;
using static TorchSharp.torch;

namespace Course.Grading;

/// <summary>The calls the autograder puts in place of <see cref="Check"/> in a grade cell; not for notebooks.</summary>
/// <remarks>
/// <c>course grade</c> rewrites each <c>Check.X(actual, expected, …)</c> of a grade cell: in the student's process into
/// <see cref="Value"/> (only the actual value is computed and reported), in the key's process into <see cref="Expect"/>
/// (the expected value, tolerance and description are recorded). The grader compares the two with
/// <see cref="Comparison"/> in its own process, so nothing the student's code does in its process can decide a check.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Probe
{
    /// <summary>Where the running grade cell's reports go; null outside the grader (the calls then act as <see cref="Check"/>).</summary>
    internal static List<ProbeRecord>? Records { get; set; }

    /// <summary>Student side: report the actual value of check <paramref name="check"/>.</summary>
    public static void Value(int check, object? actual) => Add(check, null, () => CheckValue.From(actual), 0, null, _ => null);

    /// <summary>Student side: report the shape of <paramref name="actual"/> for a <c>Check.Shape</c>.</summary>
    public static void Shape(int check, Tensor actual) => Add(check, null, () => CheckValue.OfShape(actual?.shape ?? []), 0, null, _ => null);

    /// <summary>Key side: record the expected value of check <paramref name="check"/> and whether the key's own answer passes it.</summary>
    public static void Expect(int check, string kind, object? actual, object? expected, double tolerance, string what) =>
        Add(check, kind, () => CheckValue.From(expected), tolerance, what, e => Comparison.Judge(kind, CheckValue.From(actual), e, tolerance, what));

    /// <summary>Key side of <c>Check.Shape</c>.</summary>
    public static void ExpectShape(int check, Tensor actual, long[] shape, string what) =>
        Add(check, "Shape", () => CheckValue.OfShape(shape), 0, what, e => Comparison.Judge("Shape", CheckValue.OfShape(actual?.shape ?? []), e, 0, what));

    private static void Add(int check, string? kind, Func<CheckValue> value, double tolerance, string? what, Func<CheckValue, string?> keyJudgement)
    {
        var records = Records;
        CheckValue? v = null;
        string? error = null;
        try
        {
            v = value();
        }
        catch (ArgumentException e)
        {
            error = e.Message;
        }
        if (records is null)
        {
            // Outside the grader a rewritten cell still behaves like the checks it came from.
            if (kind is not null && (error ?? keyJudgement(v!)) is { } message) throw new GradeFailure(message);
            return;
        }
        var keyFailure = kind is not null && v is not null ? keyJudgement(v) : null;
        lock (records) records.Add(new ProbeRecord(check, kind, v, tolerance, what, error, keyFailure));
    }
}
