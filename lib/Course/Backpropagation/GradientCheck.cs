using static TorchSharp.torch;

namespace Course.Backpropagation;

/// <summary>Gradients by finite differences, to check gradients computed by backpropagation.</summary>
/// <remarks>
/// Seed 001 (Lecture 11), "Review: ANN": the chain rule gives ∂J/∂w exactly; the definition of a derivative gives an
/// independent estimate. Central differences <c>(f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h</c> are off by O(h²) (truncation) plus
/// about ε·|f|/h (rounding, ε the machine epsilon), so they need float64 and an h near 1e-6; the disagreement that
/// remains is a few parts in 10⁹. Notebook 01b-backpropagation checks <see cref="Value"/> and the hand-written backward
/// pass of <see cref="TwoLayerNetwork"/> this way.
/// </remarks>
public static class GradientCheck
{
    /// <summary>∂f/∂xᵢ at <paramref name="x"/> for every i, by central differences with step <paramref name="h"/>.</summary>
    /// <param name="f">A scalar function of a vector; called 2·n times.</param>
    /// <param name="x">The point (not modified).</param>
    /// <param name="h">The step.</param>
    /// <exception cref="ArgumentOutOfRangeException">h is not positive.</exception>
    public static double[] Numerical(Func<double[], double> f, IReadOnlyList<double> x, double h = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(x);
        RequirePositive(h);
        var point = x.ToArray();
        var gradient = new double[point.Length];
        for (int i = 0; i < point.Length; i++)
        {
            double xi = point[i];
            point[i] = xi + h;
            double up = f(point);
            point[i] = xi - h;
            double down = f(point);
            point[i] = xi;
            gradient[i] = (up - down) / (2 * h);
        }
        return gradient;
    }

    /// <summary>∂loss/∂w for every entry w of <paramref name="weight"/>, by central differences: each entry is moved by ±h in place, <paramref name="loss"/> evaluated, the entry restored.</summary>
    /// <param name="loss">The loss of the model that holds <paramref name="weight"/> (e.g. a network's loss on a fixed batch); called 2·numel times.</param>
    /// <param name="weight">A float64 weight of that model (float32 rounding would swamp the differences); unchanged afterwards.</param>
    /// <param name="h">The step.</param>
    /// <returns>A float64 tensor shaped like <paramref name="weight"/>.</returns>
    /// <exception cref="ArgumentException">The weight is not float64.</exception>
    public static Tensor Numerical(Func<double> loss, Tensor weight, double h = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(weight);
        var all = Enumerable.Range(0, (int)weight.numel()).Select(i => (long)i).ToArray();
        return tensor(NumericalAt(loss, weight, all, h)).view(weight.shape);
    }

    /// <summary>∂loss/∂w for the entries of <paramref name="weight"/> at the flat <paramref name="indices"/> only, as <see cref="Numerical(Func{double}, Tensor, double)"/> does for all: a spot check of a large weight.</summary>
    /// <param name="loss">The loss of the model that holds <paramref name="weight"/>; called 2·indices.Count times.</param>
    /// <param name="weight">A float64 weight of that model; unchanged afterwards.</param>
    /// <param name="indices">Positions in the flattened weight (row-major), 0 … numel − 1.</param>
    /// <param name="h">The step.</param>
    /// <exception cref="ArgumentException">The weight is not float64, or an index is outside it.</exception>
    public static double[] NumericalAt(Func<double> loss, Tensor weight, IReadOnlyList<long> indices, double h = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(indices);
        RequirePositive(h);
        if (weight.dtype != ScalarType.Float64)
            throw new ArgumentException(
                $"GradientCheck needs a float64 weight, got {weight.dtype}: float32 rounding (1e-7) divided by 2h swamps the difference; check a Float64 copy of the model (e.g. network.Clone(ScalarType.Float64)).",
                nameof(weight));
        if (!weight.is_contiguous())
            throw new ArgumentException("GradientCheck needs a contiguous weight (flat indices address its memory); pass the model's own parameter.", nameof(weight));
        long count = weight.numel();
        if (indices.FirstOrDefault(i => i < 0 || i >= count, -1) is var bad and not -1)
            throw new ArgumentException($"GradientCheck: index {bad} is outside the weight's {count} entries (0 … {count - 1}).", nameof(indices));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var flat = weight.view(-1);                                                  // shares memory with the weight
        var gradient = new double[indices.Count];
        for (int n = 0; n < indices.Count; n++)
        {
            var entry = flat[indices[n]];
            double original = entry.item<double>();
            entry.fill_(original + h);
            double up = loss();
            entry.fill_(original - h);
            double down = loss();
            entry.fill_(original);
            gradient[n] = (up - down) / (2 * h);
        }
        return gradient;
    }

    /// <summary>The largest |aᵢ − bᵢ|.</summary>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    public static double MaxAbsDifference(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        RequireSameLength(a, b);
        return a.Zip(b, (ai, bi) => Math.Abs(ai - bi)).DefaultIfEmpty(0).Max();
    }

    /// <summary>The largest |aᵢ − bᵢ| / max(|aᵢ|, |bᵢ|, 1e-12): how many digits two gradients share, whatever their size.</summary>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    public static double MaxRelativeError(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        RequireSameLength(a, b);
        return a.Zip(b, (ai, bi) => Math.Abs(ai - bi) / Math.Max(Math.Max(Math.Abs(ai), Math.Abs(bi)), 1e-12)).DefaultIfEmpty(0).Max();
    }

    private static void RequireSameLength(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count)
            throw new ArgumentException($"GradientCheck: the gradients have {a.Count} and {b.Count} entries; compare gradients of the same parameters.", nameof(b));
    }

    private static void RequirePositive(double h)
    {
        if (!(h > 0)) throw new ArgumentOutOfRangeException(nameof(h), $"GradientCheck: the step h must be positive, got {h}.");
    }
}
