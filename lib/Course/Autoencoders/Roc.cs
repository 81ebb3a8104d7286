using Course.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Course.Autoencoders;

/// <summary>ROC curves and their area (AUC) for a score where higher means "more likely positive", e.g. an anomaly score.</summary>
/// <remarks>
/// Seed 003, "Anomaly detection by autoencoder": the reconstruction error decides whether an input is like the training
/// data. Sweeping the threshold over all errors trades missed anomalies against false alarms; the ROC curve shows the whole
/// trade-off and its area summarises it in one number (1 = perfect ranking, 0.5 = chance).
/// Notebook 09-autoencoder-applications reports <c>anomaly_auc</c> with <see cref="Curve(Tensor, Tensor)"/>.
/// </remarks>
public static class Roc
{
    /// <summary>The ROC curve of <paramref name="scores"/> against the truth <paramref name="positive"/>.</summary>
    /// <param name="scores">One score per sample; higher = more likely positive.</param>
    /// <param name="positive">True for each positive sample (e.g. an anomaly).</param>
    /// <exception cref="ArgumentException">The lengths differ, a score is not finite, or there is no positive or no negative sample.</exception>
    public static RocCurve Curve(double[] scores, bool[] positive)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(positive);
        if (scores.Length != positive.Length)
            throw new ArgumentException($"Roc got {scores.Length} scores but {positive.Length} labels; give one label per score.", nameof(positive));
        if (scores.Any(s => !double.IsFinite(s)))
            throw new ArgumentException("Roc needs finite scores; one of them is NaN or infinite.", nameof(scores));
        int numPositive = positive.Count(p => p), numNegative = positive.Length - numPositive;
        if (numPositive == 0 || numNegative == 0)
            throw new ArgumentException($"Roc needs both classes; got {numPositive} positives and {numNegative} negatives.", nameof(positive));

        var order = Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ToArray();
        var fpr = new List<double> { 0 };
        var tpr = new List<double> { 0 };
        var thresholds = new List<double> { double.PositiveInfinity };
        int tp = 0, fp = 0;
        double auc = 0;
        for (int k = 0; k < order.Length; k++)
        {
            if (positive[order[k]]) tp++; else fp++;
            bool lastOfTies = k == order.Length - 1 || scores[order[k + 1]] != scores[order[k]];
            if (!lastOfTies) continue;                                               // equal scores form one step (a diagonal segment)
            double x = fp / (double)numNegative, y = tp / (double)numPositive;
            auc += (x - fpr[^1]) * (y + tpr[^1]) / 2;                                 // trapezoid
            fpr.Add(x);
            tpr.Add(y);
            thresholds.Add(scores[order[k]]);
        }
        return new RocCurve(fpr.ToArray(), tpr.ToArray(), thresholds.ToArray(), auc);
    }

    /// <summary>The ROC curve of scores (N) against boolean or 0/1 labels (N), 1 = positive.</summary>
    /// <exception cref="ArgumentException">The tensors are not both (N).</exception>
    public static RocCurve Curve(Tensor scores, Tensor positive)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(positive);
        if (scores.dim() != 1 || positive.dim() != 1 || scores.shape[0] != positive.shape[0])
            throw new ArgumentException($"Roc needs scores (N) and labels (N); got {ShapeText.Of(scores)} and {ShapeText.Of(positive)}.", nameof(positive));
        using var scope = torch.NewDisposeScope();
        var s = scores.detach().cpu().to_type(ScalarType.Float64).data<double>().ToArray();
        var p = positive.cpu().to_type(ScalarType.Int64).data<long>().Select(v => v != 0).ToArray();
        return Curve(s, p);
    }

    /// <summary>The area under the ROC curve of <paramref name="scores"/>; see <see cref="Curve(double[], bool[])"/>.</summary>
    public static double Auc(double[] scores, bool[] positive) => Curve(scores, positive).Auc;

    /// <summary>The area under the ROC curve of scores (N) against labels (N).</summary>
    public static double Auc(Tensor scores, Tensor positive) => Curve(scores, positive).Auc;
}
