using System.Globalization;

namespace Course.Generative;

/// <summary>Information, entropy, cross-entropy and KL divergence of discrete distributions, in nats by default.</summary>
/// <remarks>
/// Seed 003, "Shannon's entropy" H(p) = E_{x~p}[I_p(x)] = −Σ p(x) log p(x), "Cross entropy" H(p, q) = −Σ p(x) log q(x),
/// and "KL Divergence" KL(P‖Q) = H(P, Q) − H(P) = Σ p(x) log(p(x)/q(x)): the lecture's identity
/// "Cross entropy H(P,Q) = H(P) + KL Divergence KL(P||Q)". Notebook 10-vae checks it on small distributions.
/// Outcomes with p(x) = 0 add nothing (0 log 0 = 0). Pass <c>logBase: 2</c> for bits.
/// </remarks>
public static class InformationTheory
{
    /// <summary>How far a probability vector's sum may be from 1.</summary>
    public const double SumTolerance = 1e-6;

    /// <summary>The information I_p(x) = −log p(x) of an outcome of probability <paramref name="p"/>: rare outcomes carry more.</summary>
    /// <param name="p">Probability of the outcome, in (0, 1].</param>
    /// <param name="logBase">e for nats, 2 for bits.</param>
    /// <exception cref="ArgumentException"><paramref name="p"/> is not in (0, 1], or the base is not a positive number other than 1.</exception>
    public static double Information(double p, double logBase = Math.E)
    {
        CheckBase(logBase);
        if (!(p > 0 && p <= 1))
            throw new ArgumentException($"Information needs a probability in (0, 1], got {Show(p)}; an impossible outcome has infinite information.", nameof(p));
        return -Math.Log(p) / Math.Log(logBase);
    }

    /// <summary>Shannon's entropy H(P) = −Σ p(x) log p(x): the mean information of an outcome drawn from P.</summary>
    /// <param name="p">Probabilities of the outcomes (non-negative, summing to 1).</param>
    /// <param name="logBase">e for nats, 2 for bits.</param>
    /// <exception cref="ArgumentException"><paramref name="p"/> is empty, has an entry outside [0, 1] or does not sum to 1.</exception>
    public static double Entropy(IReadOnlyList<double> p, double logBase = Math.E)
    {
        CheckDistribution(p, nameof(p));
        CheckBase(logBase);
        double sum = 0;
        foreach (var px in p)
            if (px > 0) sum -= px * Math.Log(px);
        return sum / Math.Log(logBase);
    }

    /// <summary>The cross-entropy H(P, Q) = −Σ p(x) log q(x): the mean information of outcomes drawn from P, measured by Q.</summary>
    /// <param name="p">The distribution the outcomes come from.</param>
    /// <param name="q">The distribution that scores them (same length as <paramref name="p"/>).</param>
    /// <param name="logBase">e for nats, 2 for bits.</param>
    /// <returns>A number ≥ H(P); +∞ when q(x) = 0 for an outcome with p(x) &gt; 0.</returns>
    /// <exception cref="ArgumentException">Either vector is not a distribution, or their lengths differ.</exception>
    public static double CrossEntropy(IReadOnlyList<double> p, IReadOnlyList<double> q, double logBase = Math.E)
    {
        CheckPair(p, q);
        CheckBase(logBase);
        double sum = 0;
        for (int i = 0; i < p.Count; i++)
            if (p[i] > 0) sum -= p[i] * Math.Log(q[i]);                       // log 0 = −∞ gives +∞, as it should
        return sum / Math.Log(logBase);
    }

    /// <summary>The KL divergence KL(P‖Q) = Σ p(x) log(p(x)/q(x)) = H(P, Q) − H(P): never negative, 0 only when P = Q.</summary>
    /// <param name="p">The distribution the outcomes come from.</param>
    /// <param name="q">The distribution compared with it (same length as <paramref name="p"/>).</param>
    /// <param name="logBase">e for nats, 2 for bits.</param>
    /// <returns>A number ≥ 0; +∞ when q(x) = 0 for an outcome with p(x) &gt; 0. Not symmetric: KL(P‖Q) ≠ KL(Q‖P) in general.</returns>
    /// <exception cref="ArgumentException">Either vector is not a distribution, or their lengths differ.</exception>
    public static double KlDivergence(IReadOnlyList<double> p, IReadOnlyList<double> q, double logBase = Math.E)
    {
        CheckPair(p, q);
        CheckBase(logBase);
        double sum = 0;
        for (int i = 0; i < p.Count; i++)
            if (p[i] > 0) sum += p[i] * (Math.Log(p[i]) - Math.Log(q[i]));
        return sum / Math.Log(logBase);
    }

    private static void CheckPair(IReadOnlyList<double> p, IReadOnlyList<double> q)
    {
        CheckDistribution(p, nameof(p));
        CheckDistribution(q, nameof(q));
        if (p.Count != q.Count)
            throw new ArgumentException($"p has {p.Count} outcomes but q has {q.Count}; both must give a probability to the same outcomes.", nameof(q));
    }

    private static void CheckDistribution(IReadOnlyList<double> p, string name)
    {
        ArgumentNullException.ThrowIfNull(p, name);
        if (p.Count == 0) throw new ArgumentException($"{name} is empty; a distribution needs at least one outcome.", name);
        for (int i = 0; i < p.Count; i++)
            if (!(p[i] >= 0 && p[i] <= 1))
                throw new ArgumentException($"{name}[{i}] = {Show(p[i])} is not a probability in [0, 1].", name);
        double total = p.Sum();
        if (Math.Abs(total - 1) > SumTolerance)
            throw new ArgumentException($"{name} = [{string.Join(", ", p.Select(Show))}] sums to {Show(total)}, not 1; divide by the sum to normalise it.", name);
    }

    private static void CheckBase(double logBase)
    {
        if (!(logBase > 0) || logBase == 1 || double.IsInfinity(logBase))
            throw new ArgumentException($"logBase must be a positive number other than 1 (e for nats, 2 for bits), got {Show(logBase)}.", nameof(logBase));
    }

    private static string Show(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
