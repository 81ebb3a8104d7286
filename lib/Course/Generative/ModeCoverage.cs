using static TorchSharp.torch;

namespace Course.Generative;

/// <summary>How many modes (or classes) a generator's samples cover: a mode counts when it holds at least a given share of the samples.</summary>
/// <remarks>
/// Mode collapse (Goodfellow, NIPS 2016 tutorial, §5.1.1): the generator maps many z to the same few outputs.
/// On the ring (<see cref="RingOfGaussians"/>) a sample belongs to a mode when it lies within 3σ of its mean, as in
/// VEEGAN (Srivastava et al. 2017) and PacGAN (Lin et al. 2018); on digits a sample belongs to the class a trained
/// classifier gives it, counting only confident samples. Notebook 11-gan: <c>gan_ring_modes_covered</c>, <c>gan_mnist_class_coverage</c>.
/// </remarks>
/// <param name="Counts">Samples per mode.</param>
/// <param name="Total">The samples a share is taken of (all samples on the ring; the confident ones for classes).</param>
/// <param name="MinFraction">Share of <paramref name="Total"/> a mode needs to count as covered.</param>
public sealed record ModeCoverage(IReadOnlyList<long> Counts, long Total, double MinFraction)
{
    /// <summary>The share used by the notebook's metrics: 2%.</summary>
    public const double DefaultMinFraction = 0.02;

    /// <summary>Number of modes holding at least <see cref="MinFraction"/> of <see cref="Total"/> samples.</summary>
    public int Covered => Total == 0 ? 0 : Counts.Count(c => c >= MinFraction * Total);

    /// <summary>Number of modes.</summary>
    public int Modes => Counts.Count;

    /// <summary>Share of <see cref="Total"/> that falls into some mode: on the ring the "high-quality" samples (within 3σ); 1 for classes.</summary>
    public double InModes => Total == 0 ? 0 : (double)Counts.Sum() / Total;

    /// <summary>Count the samples within <paramref name="radiusInStd"/>·σ of each of the ring's means.</summary>
    /// <param name="samples">Generated points (N, 2).</param>
    /// <param name="ring">The ring they should imitate.</param>
    /// <param name="radiusInStd">How many σ away from a mean a sample may lie (default 3).</param>
    /// <param name="minFraction">Share of all N samples a mode needs (default 2%).</param>
    /// <exception cref="ArgumentException">The samples are not (N, 2) with N ≥ 1, or the radius or share is out of range.</exception>
    public static ModeCoverage OfRing(Tensor samples, RingOfGaussians ring, double radiusInStd = 3, double minFraction = DefaultMinFraction)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(ring);
        if (samples.dim() != 2 || samples.shape[1] != 2 || samples.shape[0] == 0)
            throw new ArgumentException($"ModeCoverage.OfRing needs points shaped (N, 2) with N ≥ 1, got ({string.Join(", ", samples.shape)}).", nameof(samples));
        if (!(radiusInStd > 0)) throw new ArgumentException($"ModeCoverage.OfRing: radiusInStd must be positive, got {radiusInStd}.", nameof(radiusInStd));
        RequireFraction(minFraction);
        using var scope = NewDisposeScope();
        var distances = cdist(samples.detach().cpu().to_type(ScalarType.Float32), ring.Centres());     // (N, K)
        var near = (distances <= radiusInStd * ring.Std).to_type(ScalarType.Int64);                   // (N, K) 0/1
        var counts = near.sum(dim: 0).data<long>().ToArray();                                           // (K)
        return new ModeCoverage(counts, samples.shape[0], minFraction);
    }

    /// <summary>Count the samples a classifier assigns to each class with probability at least <paramref name="minConfidence"/>.</summary>
    /// <param name="probabilities">Class probabilities (N, C), e.g. <c>softmax(logits, 1)</c> of a digit classifier.</param>
    /// <param name="minConfidence">Smallest top probability for a sample to count (default 0.9); the others are left out of <see cref="Total"/>.</param>
    /// <param name="minFraction">Share of the confident samples a class needs (default 2%).</param>
    /// <exception cref="ArgumentException">The probabilities are not (N, C) with rows in [0, 1], or a threshold is out of range.</exception>
    public static ModeCoverage OfClasses(Tensor probabilities, double minConfidence = 0.9, double minFraction = DefaultMinFraction)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        if (probabilities.dim() != 2 || probabilities.shape[0] == 0 || probabilities.shape[1] == 0)
            throw new ArgumentException($"ModeCoverage.OfClasses needs class probabilities shaped (N, C), got ({string.Join(", ", probabilities.shape)}).", nameof(probabilities));
        if (!(minConfidence >= 0 && minConfidence <= 1))
            throw new ArgumentException($"ModeCoverage.OfClasses: minConfidence must lie in [0, 1], got {minConfidence}.", nameof(minConfidence));
        RequireFraction(minFraction);
        using var scope = NewDisposeScope();
        var p = probabilities.detach().cpu().to_type(ScalarType.Float32);
        double low = p.min().item<float>(), high = p.max().item<float>();
        if (!(low >= 0 && high <= 1 + 1e-6))
            throw new ArgumentException($"ModeCoverage.OfClasses needs probabilities in [0, 1], but they range from {low} to {high}; apply softmax to logits first.", nameof(probabilities));
        var (top, label) = p.max(1);                                                                     // (N), (N)
        var confident = label.masked_select(top >= minConfidence);                                       // (M)
        var counts = bincount(confident, minlength: (int)p.shape[1]).data<long>().ToArray();            // (C)
        return new ModeCoverage(counts, confident.shape[0], minFraction);
    }

    /// <summary>A line such as <c>7 of 8 modes covered (≥ 2% of 1000): 130, 118, …</c>.</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{Covered} of {Modes} modes covered (≥ {MinFraction:P0} of {Total}): {string.Join(", ", Counts)}");

    private static void RequireFraction(double minFraction)
    {
        if (!(minFraction > 0 && minFraction <= 1))
            throw new ArgumentException($"ModeCoverage: minFraction must lie in (0, 1], got {minFraction}.", nameof(minFraction));
    }
}
