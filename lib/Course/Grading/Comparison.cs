namespace Course.Grading;

/// <summary>Decides one check: the actual value against the expected one, with the check's tolerance.</summary>
/// <remarks>
/// The single place where checks are judged: <see cref="Check"/> calls it inside a notebook, and the autograder calls it
/// in its own process with the values the student's process reported and the values the key's process computed
/// (README, "Exercises and grading"). Messages name the thing, what it should be and what it was.
/// </remarks>
public static class Comparison
{
    /// <summary>The check kinds of <see cref="Check"/>: <c>Equal</c>, <c>Close</c>, <c>Shape</c> and <c>That</c>.</summary>
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal) { "Equal", "Close", "Shape", "That" };

    /// <summary>Null when the check holds, else the message a student reads.</summary>
    /// <param name="check">The kind of check (<see cref="Kinds"/>).</param>
    /// <param name="actual">What the student's code gave.</param>
    /// <param name="expected">What it should give (for <c>That</c>: true).</param>
    /// <param name="tolerance">Largest allowed absolute difference (<c>Close</c> only).</param>
    /// <param name="what">What was tested, e.g. "OutputSize(7, 3, 1, 0)" (for <c>That</c>: the whole message).</param>
    public static string? Judge(string check, CheckValue actual, CheckValue expected, double tolerance, string what) => check switch
    {
        "Equal" => Equal(actual, expected, what),
        "Close" => Close(actual, expected, tolerance, what),
        "Shape" => SameShape(actual, expected) ? null : $"{what} should have shape {ShapeText(expected)}, got {ShapeText(actual)}",
        "That" => actual is { Kind: CheckValueKind.Bool, Integer: 1 } ? null : what,
        _ => throw new ArgumentException($"unknown check '{check}'; use one of {string.Join(", ", Kinds)}", nameof(check)),
    };

    private static string? Equal(CheckValue actual, CheckValue expected, string what)
    {
        if (actual.Kind == CheckValueKind.Array && expected.Kind == CheckValueKind.Array)
        {
            if (!actual.Shape!.SequenceEqual(expected.Shape!)) return $"{what} should have shape ({string.Join(", ", expected.Shape!)}), got ({string.Join(", ", actual.Shape!)})";
            for (var i = 0; i < actual.Data!.Length; i++)
                if (actual.Data[i] != expected.Data![i])
                    return $"{what} differs at [{string.Join(", ", Unravel(i, actual.Shape!))}]: should be {CheckValue.Show(expected.Data[i])}, got {CheckValue.Show(actual.Data[i])}";
            return null;
        }
        var same = (actual.Kind, expected.Kind) switch
        {
            (CheckValueKind.Null, CheckValueKind.Null) => true,
            (CheckValueKind.Text, CheckValueKind.Text) => string.Equals(actual.Text, expected.Text, StringComparison.Ordinal),
            (CheckValueKind.Bool, CheckValueKind.Bool) or (CheckValueKind.Integer, CheckValueKind.Integer) => actual.Integer == expected.Integer,
            (CheckValueKind.Integer or CheckValueKind.Real, CheckValueKind.Integer or CheckValueKind.Real) => actual.AsDouble == expected.AsDouble,
            _ => false,
        };
        return same ? null : $"{what} should be {expected}, got {actual}";
    }

    private static string? Close(CheckValue actual, CheckValue expected, double tolerance, string what)
    {
        var tol = CheckValue.Show(tolerance);
        if (expected.Kind == CheckValueKind.Array)
        {
            if (actual.Kind != CheckValueKind.Array) return $"{what} should be an array of shape ({string.Join(", ", expected.Shape!)}), got {actual}";
            if (!actual.Shape!.SequenceEqual(expected.Shape!)) return $"{what} should have shape ({string.Join(", ", expected.Shape!)}), got ({string.Join(", ", actual.Shape!)})";
            var worst = -1;
            var worstDifference = -1.0;
            for (var i = 0; i < actual.Data!.Length; i++)
            {
                var difference = Math.Abs(actual.Data[i] - expected.Data![i]);
                if (double.IsNaN(difference)) difference = double.PositiveInfinity;
                if (difference > worstDifference) (worst, worstDifference) = (i, difference);
            }
            if (worst < 0 || worstDifference <= tolerance) return null;
            return $"{what} differs at [{string.Join(", ", Unravel(worst, actual.Shape!))}]: should be {CheckValue.Show(expected.Data![worst])} (± {tol}), got {CheckValue.Show(actual.Data[worst])}";
        }
        if (!expected.IsScalarNumber) throw new ArgumentException($"Check.Close compares numbers; the expected value of {what} is {expected}");
        if (!actual.IsScalarNumber) return $"{what} should be {expected} (± {tol}), got {actual}";
        var gap = Math.Abs(actual.AsDouble - expected.AsDouble);
        return double.IsNaN(gap) || gap > tolerance ? $"{what} should be {CheckValue.Show(expected.AsDouble)} (± {tol}), got {CheckValue.Show(actual.AsDouble)}" : null;
    }

    private static bool SameShape(CheckValue actual, CheckValue expected) =>
        actual.Kind == CheckValueKind.Array && expected.Kind == CheckValueKind.Array && actual.Data!.SequenceEqual(expected.Data!);

    private static string ShapeText(CheckValue shape) =>
        shape.Kind == CheckValueKind.Array ? "(" + string.Join(", ", shape.Data!.Select(d => (long)d)) + ")" : shape.ToString();

    private static long[] Unravel(long index, long[] shape)
    {
        var position = new long[shape.Length];
        for (var d = shape.Length - 1; d >= 0; d--)
        {
            position[d] = index % shape[d];
            index /= shape[d];
        }
        return position;
    }
}
