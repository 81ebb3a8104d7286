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

    /// <summary>∂f/∂x at a float64 tensor <paramref name="x"/>, element by element, by central differences (autograd off).</summary>
    /// <param name="f">A function of a tensor shaped like <paramref name="x"/> returning one number (a 1-element tensor); called 2·numel times.</param>
    /// <param name="x">The point, float64 (float32 rounding would swamp the differences); not modified.</param>
    /// <param name="h">The step.</param>
    /// <returns>A float64 tensor shaped like <paramref name="x"/>.</returns>
    /// <exception cref="ArgumentException">x is not float64, or f does not return one number.</exception>
    public static Tensor Numerical(Func<Tensor, Tensor> f, Tensor x, double h = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(x);
        RequirePositive(h);
        if (x.dtype != ScalarType.Float64)
            throw new ArgumentException(
                $"GradientCheck.Numerical needs a float64 tensor, got {x.dtype}: float32 rounding (1e-7) divided by 2h swamps the difference; pass x.to_type(ScalarType.Float64).",
                nameof(x));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var point = x.detach().clone().contiguous();
        var flat = point.view(-1);                                                  // shares memory with point
        var gradient = new double[flat.shape[0]];
        for (long i = 0; i < gradient.Length; i++)
        {
            double xi = flat[i].item<double>();
            flat[i].fill_(xi + h);
            double up = ScalarOf(f(point));
            flat[i].fill_(xi - h);
            double down = ScalarOf(f(point));
            flat[i].fill_(xi);
            gradient[i] = (up - down) / (2 * h);
        }
        return tensor(gradient).view(x.shape).MoveToOuterDisposeScope();
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

    private static double ScalarOf(Tensor result)
    {
        if (result.numel() != 1)
            throw new ArgumentException($"GradientCheck.Numerical: f returned a tensor of shape ({string.Join(", ", result.shape)}); it must return one number (e.g. a loss, or .sum()).", nameof(result));
        return result.to_type(ScalarType.Float64).item<double>();
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
