using System.Globalization;
using Course.Plots;
using Plotly.NET;

namespace Course.Autoencoders;

/// <summary>A receiver operating characteristic: true- against false-positive rate for every threshold on a score, and the area under it.</summary>
/// <param name="FalsePositiveRate">Fraction of negatives scored at or above each threshold, from 0 up to 1.</param>
/// <param name="TruePositiveRate">Fraction of positives scored at or above each threshold, from 0 up to 1.</param>
/// <param name="Thresholds">The thresholds, from +∞ (nothing flagged) down to the lowest score (everything flagged).</param>
/// <param name="Auc">Area under the curve: the probability that a random positive scores higher than a random negative (ties count ½).</param>
/// <remarks>Returned by <see cref="Roc.Curve(double[], bool[])"/>; notebook 09-autoencoder-applications draws it.</remarks>
public sealed record RocCurve(double[] FalsePositiveRate, double[] TruePositiveRate, double[] Thresholds, double Auc)
{
    /// <summary>The curve with the chance diagonal, titled with its AUC.</summary>
    /// <param name="title">Chart title (the AUC is appended).</param>
    /// <param name="name">Legend entry of the curve.</param>
    public GenericChart ToChart(string title = "ROC curve", string name = "detector") =>
        Curves.Lines($"{title} (AUC {Auc.ToString("F3", CultureInfo.InvariantCulture)})", "false-positive rate", "true-positive rate",
                     new Series(name, FalsePositiveRate, TruePositiveRate), new Series("chance", [0.0, 1.0], [0.0, 1.0]));

    /// <summary>The true-positive rate reached while flagging at most <paramref name="falsePositiveRate"/> of the negatives.</summary>
    public double TruePositiveRateAt(double falsePositiveRate) =>
        Enumerable.Range(0, FalsePositiveRate.Length).Where(i => FalsePositiveRate[i] <= falsePositiveRate).Max(i => TruePositiveRate[i]);
}
