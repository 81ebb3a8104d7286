namespace Course.Generative;

/// <summary>The minimax value V(D, G) and the optimal discriminator D* for 1-D densities, by numerical integration.</summary>
/// <remarks>
/// Seed 001 (Lecture 11), "GAN Training": V(D, G) = E_{x∼p_data}[log D(x)] + E_{z∼p(z)}[log(1 − D(G(z)))]
/// = ∫ p_data(x) log D(x) + p_g(x) log(1 − D(x)) dx, where p_g is the distribution of G(z).
/// For a fixed generator the integrand is maximised pointwise by D*(x) = p_data(x) / (p_data(x) + p_g(x)), and then
/// V(D*, G) = −log 4 + 2·JSD(p_data ‖ p_g) (Goodfellow et al. 2014, Proposition 1 and Theorem 1): the global minimum
/// −log 4 is reached exactly when p_g = p_data, where D* = ½ everywhere. Integrals use Simpson's rule on a grid covering
/// 12 standard deviations around both densities. Notebook 11-gan, "The optimal discriminator".
/// </remarks>
public static class MinimaxValue
{
    /// <summary>Grid points used by default (odd, for Simpson's rule): error far below 1e-9 for the course's Gaussians.</summary>
    public const int DefaultPoints = 20_001;

    /// <summary>−log 4 ≈ −1.386: the value of the game at its equilibrium p_g = p_data, D = ½.</summary>
    public static readonly double EquilibriumValue = -Math.Log(4);

    /// <summary>The optimal discriminator D*(x) = p_data(x) / (p_data(x) + p_g(x)) for a fixed generator.</summary>
    /// <param name="x">Where to evaluate it.</param>
    /// <param name="pData">The data density.</param>
    /// <param name="pG">The generator's density.</param>
    /// <returns>A probability; ½ where both densities vanish (no evidence either way).</returns>
    public static double OptimalDiscriminator(double x, Gaussian1d pData, Gaussian1d pG)
    {
        ArgumentNullException.ThrowIfNull(pData);
        ArgumentNullException.ThrowIfNull(pG);
        double a = pData.Density(x), b = pG.Density(x);
        return a + b > 0 ? a / (a + b) : 0.5;
    }

    /// <summary>V(D, G) = ∫ p_data log D + p_g log(1 − D) dx for any discriminator <paramref name="discriminator"/>.</summary>
    /// <param name="discriminator">D(x), returning probabilities in [0, 1].</param>
    /// <param name="pData">The data density.</param>
    /// <param name="pG">The generator's density.</param>
    /// <param name="points">Grid points for Simpson's rule (odd, at least 3).</param>
    /// <returns>V ≤ 0; −∞ if D is 0 where real data has mass or 1 where fake data has mass.</returns>
    /// <exception cref="ArgumentException">Fewer than 3 or an even number of points, or D returns a value outside [0, 1].</exception>
    public static double Of(Func<double, double> discriminator, Gaussian1d pData, Gaussian1d pG, int points = DefaultPoints)
    {
        ArgumentNullException.ThrowIfNull(discriminator);
        ArgumentNullException.ThrowIfNull(pData);
        ArgumentNullException.ThrowIfNull(pG);
        return Integrate(x =>
        {
            double d = discriminator(x);
            if (!(d >= 0 && d <= 1))
                throw new ArgumentException($"MinimaxValue.Of: the discriminator must return probabilities in [0, 1], but D({x:G4}) = {d}.", nameof(discriminator));
            return Term(pData.Density(x), d) + Term(pG.Density(x), 1 - d);
        }, Range(pData, pG), points);
    }

    /// <summary>max_D V(D, G) = V(D*, G) for the generator density <paramref name="pG"/>; −log 4 when it equals <paramref name="pData"/>.</summary>
    /// <param name="pData">The data density.</param>
    /// <param name="pG">The generator's density.</param>
    /// <param name="points">Grid points for Simpson's rule (odd, at least 3).</param>
    /// <remarks>
    /// Same integral as <see cref="Of"/> with D = D*, but with log D* = log p_data − log(p_data + p_g) and
    /// log(1 − D*) = log p_g − log(p_data + p_g) taken from log-densities, so D* rounding to exactly 0 or 1 far in a tail
    /// cannot produce 0 · log 0.
    /// </remarks>
    public static double Optimal(Gaussian1d pData, Gaussian1d pG, int points = DefaultPoints)
    {
        ArgumentNullException.ThrowIfNull(pData);
        ArgumentNullException.ThrowIfNull(pG);
        return Integrate(x =>
        {
            double la = pData.LogDensity(x), lb = pG.LogDensity(x);
            double lse = LogSum(la, lb);                                                          // log(p_data + p_g)
            return Math.Exp(la) * (la - lse) + Math.Exp(lb) * (lb - lse);
        }, Range(pData, pG), points);
    }

    /// <summary>The Jensen–Shannon divergence JSD(p_data ‖ p_g) in nats, between 0 and log 2, integrated directly.</summary>
    /// <remarks>JSD = ½ KL(p_data ‖ m) + ½ KL(p_g ‖ m) with m = (p_data + p_g)/2; Goodfellow et al. (2014), Theorem 1.</remarks>
    /// <param name="pData">The data density.</param>
    /// <param name="pG">The generator's density.</param>
    /// <param name="points">Grid points for Simpson's rule (odd, at least 3).</param>
    public static double JensenShannon(Gaussian1d pData, Gaussian1d pG, int points = DefaultPoints)
    {
        ArgumentNullException.ThrowIfNull(pData);
        ArgumentNullException.ThrowIfNull(pG);
        return Integrate(x =>
        {
            double la = pData.LogDensity(x), lb = pG.LogDensity(x), lm = LogSum(la, lb) - Math.Log(2);   // log m
            return 0.5 * Math.Exp(la) * (la - lm) + 0.5 * Math.Exp(lb) * (lb - lm);
        }, Range(pData, pG), points);
    }

    /// <summary>The interval the integrals cover: 12 standard deviations beyond both densities' means.</summary>
    public static (double Low, double High) Range(Gaussian1d pData, Gaussian1d pG)
    {
        ArgumentNullException.ThrowIfNull(pData);
        ArgumentNullException.ThrowIfNull(pG);
        return (Math.Min(pData.Mean - 12 * pData.Std, pG.Mean - 12 * pG.Std), Math.Max(pData.Mean + 12 * pData.Std, pG.Mean + 12 * pG.Std));
    }

    /// <summary>Simpson's rule ∫ f over [low, high] with <paramref name="points"/> equally spaced points.</summary>
    /// <exception cref="ArgumentException">Fewer than 3 or an even number of points, or an empty interval.</exception>
    public static double Integrate(Func<double, double> f, (double Low, double High) range, int points = DefaultPoints)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (points < 3 || points % 2 == 0)
            throw new ArgumentException($"Simpson's rule needs an odd number of points, at least 3; got {points}.", nameof(points));
        var (low, high) = range;
        if (!(high > low))
            throw new ArgumentException($"The integration range must have low < high; got [{low}, {high}].", nameof(range));
        double h = (high - low) / (points - 1), sum = 0;
        for (int i = 0; i < points; i++)
        {
            double weight = i == 0 || i == points - 1 ? 1 : i % 2 == 1 ? 4 : 2;
            sum += weight * f(low + i * h);
        }
        return sum * h / 3;
    }

    /// <summary>log(e^a + e^b) without overflow or underflow.</summary>
    private static double LogSum(double a, double b) => Math.Max(a, b) + Math.Log(1 + Math.Exp(-Math.Abs(a - b)));

    /// <summary>p · log q, with 0 · log 0 = 0 (no mass, no contribution).</summary>
    private static double Term(double p, double q) => p > 0 ? p * Math.Log(q) : 0;
}
