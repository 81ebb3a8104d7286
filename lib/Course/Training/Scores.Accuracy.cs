using TorchSharp;
using static TorchSharp.torch;

namespace Course.Training;

/// <summary>Scores that compare predictions with targets: accuracy, evaluation over a data set, confusion matrix.</summary>
/// <remarks>
/// Seed 001 (Lecture 11), "Deep Learning: History": networks are compared by error rate on held-out images.
/// Notebook 00-setup reports <c>Scores.Accuracy</c> on held-out digits; 04-cnn-mnist draws
/// <c>Scores.ConfusionMatrix</c>. With <c>using static Course.Training.Scores;</c> a cell reads
/// <c>Accuracy(yHat, y)</c>, as in d2l's <c>accuracy(y_hat, y)</c>.
/// </remarks>
public static partial class Scores
{
    /// <summary>Fraction of rows whose predicted class (argmax of <paramref name="yHat"/>'s logits) equals the label in <paramref name="y"/>.</summary>
    /// <param name="yHat">Logits or probabilities (N, C), or predicted labels (N).</param>
    /// <param name="y">Class labels (N), integers in [0, C).</param>
    /// <exception cref="ArgumentException">The shapes do not describe one prediction per label.</exception>
    public static double Accuracy(Tensor yHat, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(yHat);
        ArgumentNullException.ThrowIfNull(y);
        using var scope = torch.NewDisposeScope();
        ShapeText.RequireSameRows(yHat, y, nameof(yHat), nameof(y));
        var predicted = yHat.dim() > 1 && yHat.shape[1] > 1 ? yHat.argmax(1) : yHat; // (N)
        if (predicted.numel() != y.numel())
            throw new ArgumentException(
                $"yHat has shape {ShapeText.Of(yHat)} but y has shape {ShapeText.Of(y)}: Accuracy needs logits (N, C) or labels (N) and labels y (N).",
                nameof(y));
        var correct = predicted.reshape(y.shape).to_type(y.dtype).eq(y);            // (N) bool
        return correct.sum().item<long>() / (double)y.shape[0];
    }

    /// <summary>The value of a one-element tensor (any real dtype) as a double.</summary>
    internal static double ToDouble(Tensor scalar) => scalar.dtype switch
    {
        ScalarType.Float32 => scalar.item<float>(),
        ScalarType.Float64 => scalar.item<double>(),
        _ => ConvertToDouble(scalar),
    };

    private static double ConvertToDouble(Tensor scalar)
    {
        using var asDouble = scalar.to_type(ScalarType.Float64);
        return asDouble.item<double>();
    }
}
