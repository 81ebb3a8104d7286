namespace Course.Generative;

/// <summary>A 1-D normal density N(μ, σ²) with a known formula: p_data or p_g in the 1-D minimax examples.</summary>
/// <remarks>Seed 001, "GAN Training" (p_data, and the generator's distribution p_g); notebook 11-gan, "The optimal discriminator".</remarks>
/// <param name="Mean">μ.</param>
/// <param name="Std">σ &gt; 0.</param>
public sealed record Gaussian1d(double Mean, double Std)
{
    /// <summary>μ, finite.</summary>
    public double Mean { get; } = double.IsFinite(Mean) ? Mean
        : throw new ArgumentException($"Gaussian1d: the mean must be a finite number, got {Mean}.", nameof(Mean));

    /// <summary>σ, finite and positive.</summary>
    public double Std { get; } = double.IsFinite(Std) && Std > 0 ? Std
        : throw new ArgumentException($"Gaussian1d: the standard deviation must be positive and finite, got {Std}.", nameof(Std));

    /// <summary>p(x) = exp(−(x − μ)² / 2σ²) / (σ √(2π)).</summary>
    public double Density(double x)
    {
        double u = (x - Mean) / Std;
        return Math.Exp(-0.5 * u * u) / (Std * Math.Sqrt(2 * Math.PI));
    }

    /// <summary>log p(x) = −(x − μ)² / 2σ² − log(σ √(2π)), finite even where p(x) underflows to 0.</summary>
    public double LogDensity(double x)
    {
        double u = (x - Mean) / Std;
        return -0.5 * u * u - Math.Log(Std * Math.Sqrt(2 * Math.PI));
    }

    /// <summary>A short description such as <c>N(0, 1²)</c>.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"N({Mean:0.###}, {Std:0.###}²)");
}
