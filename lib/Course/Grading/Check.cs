using static TorchSharp.torch;

namespace Course.Grading;

/// <summary>Checks for grade cells, with messages a student understands.</summary>
/// <remarks>
/// Each check names the thing being tested, what it should be and what it was, e.g.
/// "KlDivergence(μ=0, logσ²=0) should be 0, got 0.31". Tensors and arrays are compared shape first, then values.
/// In a notebook a failed check throws <see cref="GradeFailure"/>; under <c>course grade</c> the grader rewrites each
/// call so that the student's process only reports the first argument and <see cref="Comparison"/> decides outside it.
/// Write the student's own result as the first argument. Used by the grade cells of notebooks 01–11.
/// </remarks>
public static class Check
{
    /// <summary>Fail with <paramref name="message"/> unless <paramref name="condition"/> holds.</summary>
    /// <remarks>A truth value is easy to guess: give each grade cell at least one value check as well.</remarks>
    public static void That(bool condition, string message) => Fail(Comparison.Judge("That", CheckValue.From(condition), CheckValue.From(true), 0, message));

    /// <summary>Fail unless <paramref name="actual"/> equals <paramref name="expected"/> (arrays and tensors element by element).</summary>
    public static void Equal<T>(T actual, T expected, string what) =>
        Fail(Comparison.Judge("Equal", CheckValue.From(actual), CheckValue.From(expected), 0, what));

    /// <summary>Fail unless |actual − expected| ≤ tolerance.</summary>
    public static void Close(double actual, double expected, double tolerance, string what) =>
        Fail(Comparison.Judge("Close", CheckValue.From(actual), CheckValue.From(expected), tolerance, what));

    /// <summary>Fail unless <paramref name="tensor"/> has exactly <paramref name="shape"/>.</summary>
    public static void Shape(Tensor tensor, long[] shape, string what)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        Fail(Comparison.Judge("Shape", CheckValue.OfShape(tensor.shape), CheckValue.OfShape(shape), 0, what));
    }

    /// <summary>Fail unless the tensors have the same shape and every element differs by at most <paramref name="tolerance"/>.</summary>
    public static void Close(Tensor actual, Tensor expected, double tolerance, string what)
    {
        ArgumentNullException.ThrowIfNull(expected);
        Fail(Comparison.Judge("Close", CheckValue.From(actual), CheckValue.From(expected), tolerance, what));
    }

    /// <summary>Fail unless the arrays (e.g. two <c>float[,]</c> feature maps) have the same shape and every element differs by at most <paramref name="tolerance"/>.</summary>
    public static void Close(Array actual, Array expected, double tolerance, string what)
    {
        ArgumentNullException.ThrowIfNull(expected);
        Fail(Comparison.Judge("Close", CheckValue.From(actual), CheckValue.From(expected), tolerance, what));
    }

    private static void Fail(string? message)
    {
        if (message is not null) throw new GradeFailure(message);
    }
}
