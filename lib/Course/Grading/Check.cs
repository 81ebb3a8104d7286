using System.Globalization;
using static TorchSharp.torch;

namespace Course.Grading;

/// <summary>Checks for grade cells, with messages a student understands.</summary>
/// <remarks>
/// Each check names the thing being tested, what it should be and what it was, e.g.
/// "KlDivergence(μ=0, logσ²=0) should be 0, got 0.31". Tensors are compared shape first, then values.
/// Used by the grade cells of notebooks 01–11.
/// </remarks>
public static class Check
{
    /// <summary>Fail with <paramref name="message"/> unless <paramref name="condition"/> holds.</summary>
    public static void That(bool condition, string message)
    {
        if (!condition) throw new GradeFailure(message);
    }

    /// <summary>Fail unless <paramref name="actual"/> equals <paramref name="expected"/>.</summary>
    public static void Equal<T>(T actual, T expected, string what)
    {
        if (!EqualityComparer<T>.Default.Equals(actual, expected))
            throw new GradeFailure($"{what} should be {Show(expected)}, got {Show(actual)}");
    }

    /// <summary>Fail unless |actual − expected| ≤ tolerance.</summary>
    public static void Close(double actual, double expected, double tolerance, string what)
    {
        if (double.IsNaN(actual) || Math.Abs(actual - expected) > tolerance)
            throw new GradeFailure($"{what} should be {Show(expected)} (± {Show(tolerance)}), got {Show(actual)}");
    }

    /// <summary>Fail unless <paramref name="tensor"/> has exactly <paramref name="shape"/>.</summary>
    public static void Shape(Tensor tensor, long[] shape, string what)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (!tensor.shape.SequenceEqual(shape))
            throw new GradeFailure($"{what} should have shape ({string.Join(", ", shape)}), got ({string.Join(", ", tensor.shape)})");
    }

    /// <summary>Fail unless the tensors have the same shape and every element differs by at most <paramref name="tolerance"/>.</summary>
    public static void Close(Tensor actual, Tensor expected, double tolerance, string what)
    {
        ArgumentNullException.ThrowIfNull(expected);
        Shape(actual, expected.shape, what);
        using var scope = NewDisposeScope();
        var difference = (actual.to_type(ScalarType.Float64) - expected.to_type(ScalarType.Float64)).abs();
        if (difference.numel() == 0) return;
        var worst = difference.isnan().any().item<bool>() ? double.NaN : difference.max().item<double>();
        if (!double.IsNaN(worst) && worst <= tolerance) return;
        var index = difference.nan_to_num(double.PositiveInfinity).flatten().argmax().item<long>();
        var position = Unravel(index, actual.shape);
        var got = actual.flatten()[index].to_type(ScalarType.Float64).item<double>();
        var want = expected.flatten()[index].to_type(ScalarType.Float64).item<double>();
        throw new GradeFailure($"{what} differs at [{string.Join(", ", position)}]: should be {Show(want)} (± {Show(tolerance)}), got {Show(got)}");
    }

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

    private static string Show<T>(T value) => value switch
    {
        null => "null",
        double d => d.ToString("G4", CultureInfo.InvariantCulture),
        float f => f.ToString("G4", CultureInfo.InvariantCulture),
        string s => $"\"{s}\"",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
