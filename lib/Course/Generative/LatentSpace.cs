using Course.Training;
using static TorchSharp.torch;

namespace Course.Generative;

/// <summary>Points of a latent space to decode: a grid, a traversal of one coordinate, a straight line between two codes.</summary>
/// <remarks>
/// Seed 001, "Variational Autoencoders": 4. "Interpret hidden latent variables using perturbation" and 5. "Generating new
/// examples". Kingma &amp; Welling (2014), figure 4: the learned manifold, decoded on a grid of Gaussian quantiles.
/// Notebook 10-vae decodes them with <see cref="Vae.DecodeImages"/> and draws them with <c>Course.Plots.ImageGrid</c>.
/// </remarks>
public static class LatentSpace
{
    /// <summary><paramref name="n"/> values Φ⁻¹(p) for p evenly spaced in [1 − <paramref name="coverage"/>, <paramref name="coverage"/>]: equal steps of prior probability.</summary>
    /// <param name="n">Number of values (at least 2).</param>
    /// <param name="coverage">Highest quantile, in (0.5, 1); 0.95 gives −1.645 … 1.645.</param>
    /// <returns>Increasing values (n), float32.</returns>
    /// <exception cref="ArgumentException">n &lt; 2, or the coverage is outside (0.5, 1).</exception>
    public static Tensor GaussianQuantiles(int n, double coverage = 0.95)
    {
        if (n < 2) throw new ArgumentException($"GaussianQuantiles needs n ≥ 2, got {n}.", nameof(n));
        if (!(coverage > 0.5 && coverage < 1))
            throw new ArgumentException($"coverage must be in (0.5, 1), got {coverage}; it is the highest quantile of N(0, 1) on the grid.", nameof(coverage));
        using var scope = NewDisposeScope();
        var p = linspace(1 - coverage, coverage, n, ScalarType.Float64);                   // (n) probabilities
        var z = Math.Sqrt(2) * (2 * p - 1).erfinv();                                       // Φ⁻¹(p) = √2 erfinv(2p − 1)
        return z.to_type(ScalarType.Float32).MoveToOuterDisposeScope();
    }

    /// <summary>A 2-D grid of latent codes in rows: row r, column c is (z₁ = values[c], z₂ = values[n − 1 − r]), so z₂ grows upwards as on a chart.</summary>
    /// <param name="n">Points per side (at least 2).</param>
    /// <param name="coverage">Highest Gaussian quantile on each axis (see <see cref="GaussianQuantiles"/>).</param>
    /// <returns>Codes (n², 2), row-major: draw them with <c>new ImageGrid(images, columns: n)</c>.</returns>
    public static Tensor Grid(int n, double coverage = 0.95)
    {
        using var scope = NewDisposeScope();
        var values = GaussianQuantiles(n, coverage);                                       // (n)
        var z1 = values.repeat(n);                                                         // (n²): columns
        var z2 = values.flip(0).repeat_interleave(n);                                      // (n²): rows, top = largest
        return stack([z1, z2], 1).MoveToOuterDisposeScope();                               // (n², 2)
    }

    /// <summary>Copies of <paramref name="z"/> with coordinate <paramref name="dim"/> replaced by each of <paramref name="values"/>: perturb one latent variable, keep the others.</summary>
    /// <param name="z">One code (D) or (1, D).</param>
    /// <param name="dim">The coordinate to vary, 0 … D−1.</param>
    /// <param name="values">The values it takes, e.g. <see cref="GaussianQuantiles"/>.</param>
    /// <returns>Codes (V, D).</returns>
    /// <exception cref="ArgumentException">z is not one code, or dim is out of range.</exception>
    public static Tensor Traverse(Tensor z, int dim, Tensor values)
    {
        var code = OneCode(z, nameof(z));
        ArgumentNullException.ThrowIfNull(values);
        long d = code.shape[0];
        if (dim < 0 || dim >= d) throw new ArgumentException($"Traverse: dim = {dim} is outside 0 … {d - 1} for a code of {d} latent variables.", nameof(dim));
        using var scope = NewDisposeScope();
        var codes = code.detach().unsqueeze(0).repeat(values.numel(), 1).clone();         // (V, D)
        codes[.., dim] = values.flatten().to_type(code.dtype).to(code.device);
        return codes.MoveToOuterDisposeScope();
    }

    /// <summary>Codes on the straight line from <paramref name="z0"/> to <paramref name="z1"/>: (1 − t) z₀ + t z₁ for t = 0, 1/(steps−1), …, 1.</summary>
    /// <param name="z0">Start code (D) or (1, D).</param>
    /// <param name="z1">End code, same size.</param>
    /// <param name="steps">Number of codes, ends included (at least 2).</param>
    /// <returns>Codes (steps, D).</returns>
    /// <exception cref="ArgumentException">The codes differ in size, or steps &lt; 2.</exception>
    public static Tensor Interpolate(Tensor z0, Tensor z1, int steps)
    {
        var a = OneCode(z0, nameof(z0));
        var b = OneCode(z1, nameof(z1));
        if (a.shape[0] != b.shape[0]) throw new ArgumentException($"Interpolate: z0 has {a.shape[0]} latent variables but z1 has {b.shape[0]}.", nameof(z1));
        if (steps < 2) throw new ArgumentException($"Interpolate needs steps ≥ 2 (both ends), got {steps}.", nameof(steps));
        using var scope = NewDisposeScope();
        var t = linspace(0, 1, steps, a.dtype, a.device).unsqueeze(1);                     // (steps, 1)
        return ((1 - t) * a.detach() + t * b.detach()).MoveToOuterDisposeScope();          // (steps, D)
    }

    private static Tensor OneCode(Tensor z, string name)
    {
        ArgumentNullException.ThrowIfNull(z, name);
        if (z.dim() == 1 && z.shape[0] > 0) return z;
        if (z.dim() == 2 && z.shape[0] == 1 && z.shape[1] > 0) return z[0];
        throw new ArgumentException($"{name} must be one latent code shaped (D) or (1, D), got {ShapeText.Of(z)}.", name);
    }
}
