using static TorchSharp.torch;

namespace Course.Generative;

/// <summary>A mixture of K equally likely 2-D Gaussians whose means sit evenly on a circle: the GAN's mode-collapse test bed.</summary>
/// <remarks>
/// The "ring of 8 Gaussians" (radius 2, σ = 0.02) of Metz et al., Unrolled GANs (ICLR 2017), also used by VEEGAN
/// (Srivastava et al. 2017) and PacGAN (Lin et al. 2018) to count how many modes a generator covers (<see cref="ModeCoverage"/>).
/// Seed 001, "GAN – Motivation": the generator must turn simple noise into this complicated distribution.
/// Notebook 11-gan trains a GAN on it and watches its samples during training.
/// </remarks>
public sealed class RingOfGaussians
{
    /// <summary>A ring of <paramref name="modes"/> Gaussians with standard deviation <paramref name="std"/> on a circle of radius <paramref name="radius"/>.</summary>
    /// <exception cref="ArgumentException">Fewer than 1 mode, or a radius or σ that is not positive and finite.</exception>
    public RingOfGaussians(int modes = 8, double radius = 2.0, double std = 0.02)
    {
        if (modes < 1) throw new ArgumentException($"RingOfGaussians needs at least one mode, got {modes}.", nameof(modes));
        if (!(radius > 0) || !double.IsFinite(radius)) throw new ArgumentException($"RingOfGaussians: the radius must be positive and finite, got {radius}.", nameof(radius));
        if (!(std > 0) || !double.IsFinite(std)) throw new ArgumentException($"RingOfGaussians: σ must be positive and finite, got {std}.", nameof(std));
        Modes = modes;
        Radius = radius;
        Std = std;
        CentreList = Enumerable.Range(0, modes)
            .Select(k => (radius * Math.Cos(2 * Math.PI * k / modes), radius * Math.Sin(2 * Math.PI * k / modes))).ToArray();
    }

    /// <summary>Number of Gaussians K.</summary>
    public int Modes { get; }

    /// <summary>Radius of the circle the means lie on.</summary>
    public double Radius { get; }

    /// <summary>Standard deviation σ of each Gaussian (the same along x and y).</summary>
    public double Std { get; }

    /// <summary>The K means (r cos 2πk/K, r sin 2πk/K), k = 0 … K−1.</summary>
    public IReadOnlyList<(double X, double Y)> CentreList { get; }

    /// <summary>The K means as a float32 tensor (K, 2).</summary>
    public Tensor Centres() => tensor(CentreList.SelectMany(c => new[] { (float)c.X, (float)c.Y }).ToArray(), [Modes, 2]);

    /// <summary>Draw <paramref name="n"/> points: a mode chosen uniformly, then its Gaussian.</summary>
    /// <param name="n">Number of points.</param>
    /// <param name="generator">Random generator (null: torch's global one, seeded by <c>Seeding.Set</c>).</param>
    /// <returns>The points X (n, 2) float32 and the mode each came from (n) int64.</returns>
    /// <exception cref="ArgumentException"><paramref name="n"/> is negative.</exception>
    public (Tensor X, Tensor Mode) Sample(long n, Generator? generator = null)
    {
        if (n < 0) throw new ArgumentException($"RingOfGaussians.Sample: cannot draw {n} points.", nameof(n));
        using var scope = NewDisposeScope();
        var mode = randint(0, Modes, [n], dtype: ScalarType.Int64, generator: generator);             // (n)
        var x = Centres().index_select(0, mode) + randn([n, 2], generator: generator) * Std;           // (n, 2)
        return (x.MoveToOuterDisposeScope(), mode.MoveToOuterDisposeScope());
    }

    /// <summary>A short description such as <c>ring of 8 Gaussians, radius 2, σ 0.02</c>.</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"ring of {Modes} Gaussians, radius {Radius:0.###}, σ {Std:0.###}");
}
