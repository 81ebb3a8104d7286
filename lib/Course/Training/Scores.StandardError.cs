namespace Course.Training;

public static partial class Scores
{
    /// <summary>The standard error √(e(1 − e)/n) of an error rate e measured on n independent test examples.</summary>
    /// <remarks>
    /// Each test example is a Bernoulli trial that fails with probability e, so the measured rate has variance e(1 − e)/n.
    /// Rifai et al.'s second table (seed 004) prints ± 1.96 times this (a 95% interval on 50,000 test examples);
    /// notebook 08b-pretraining prints ± this.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">e is outside [0, 1] or n is less than 1.</exception>
    public static double StandardError(double errorRate, long count)
    {
        if (!(errorRate >= 0 && errorRate <= 1))
            throw new ArgumentOutOfRangeException(nameof(errorRate), errorRate, "StandardError needs an error rate in [0, 1]; pass a fraction, not a percentage.");
        if (count < 1)
            throw new ArgumentOutOfRangeException(nameof(count), count, "StandardError needs at least 1 test example.");
        return Math.Sqrt(errorRate * (1 - errorRate) / count);
    }
}
