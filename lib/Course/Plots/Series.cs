namespace Course.Plots;

/// <summary>One named curve: y against x.</summary>
/// <remarks>Input of <see cref="Curves.Lines"/>; notebook 01-mle-to-loss plots several losses as series.</remarks>
/// <param name="Name">Legend entry.</param>
/// <param name="X">x values (same length as <paramref name="Y"/>).</param>
/// <param name="Y">y values; NaN points are left out.</param>
public sealed record Series(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)
{
    /// <summary>A series whose x values are 1, 2, …, n.</summary>
    public static Series Of(string name, IReadOnlyList<double> y) =>
        new(name, Enumerable.Range(1, y.Count).Select(i => (double)i).ToArray(), y);
}
