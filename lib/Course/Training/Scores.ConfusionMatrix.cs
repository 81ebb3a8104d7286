using TorchSharp;
using static TorchSharp.torch;

namespace Course.Training;

public static partial class Scores
{
    /// <summary>Counts of (true class, predicted class) pairs: row = label in <paramref name="y"/>, column = argmax of <paramref name="yHat"/>.</summary>
    /// <param name="yHat">Logits (N, C) or predicted labels (N).</param>
    /// <param name="y">Class labels (N), integers in [0, <paramref name="numClasses"/>).</param>
    /// <param name="numClasses">Number of classes C; the matrix is C × C.</param>
    /// <exception cref="ArgumentException">The shapes differ in rows, or a label lies outside [0, C).</exception>
    public static int[,] ConfusionMatrix(Tensor yHat, Tensor y, int numClasses)
    {
        ArgumentNullException.ThrowIfNull(yHat);
        ArgumentNullException.ThrowIfNull(y);
        if (numClasses < 1) throw new ArgumentOutOfRangeException(nameof(numClasses), numClasses, "numClasses must be at least 1.");
        using var scope = torch.NewDisposeScope();
        ShapeText.RequireSameRows(yHat, y, nameof(yHat), nameof(y));
        var predicted = (yHat.dim() > 1 ? yHat.argmax(1) : yHat).to_type(ScalarType.Int64).reshape(-1); // (N)
        var labels = y.to_type(ScalarType.Int64).reshape(-1);                                            // (N)
        if (predicted.numel() != labels.numel())
            throw new ArgumentException($"yHat has shape {ShapeText.Of(yHat)} but y has shape {ShapeText.Of(y)}: one prediction per label is needed.", nameof(y));
        foreach (var (name, t) in new[] { ("y", labels), ("yHat", predicted) })
        {
            if (t.numel() == 0) continue;
            long min = t.min().item<long>(), max = t.max().item<long>();
            if (min < 0 || max >= numClasses)
                throw new ArgumentException($"{name} holds classes from {min} to {max}, outside [0, {numClasses}); check numClasses.", name);
        }
        var counts = torch.bincount(labels * numClasses + predicted, minlength: (long)numClasses * numClasses)
                          .cpu().data<long>().ToArray();                                                // (C·C)
        var matrix = new int[numClasses, numClasses];
        for (int i = 0; i < numClasses; i++)
            for (int j = 0; j < numClasses; j++)
                matrix[i, j] = (int)counts[i * numClasses + j];
        return matrix;
    }

    /// <summary>The confusion matrix of <paramref name="net"/>'s predictions on (<paramref name="X"/>, <paramref name="y"/>).</summary>
    /// <param name="net">The classifier producing logits (N, C).</param>
    /// <param name="X">Inputs (N, …).</param>
    /// <param name="y">Class labels (N).</param>
    /// <param name="numClasses">Number of classes C.</param>
    /// <param name="batchSize">Samples per forward pass.</param>
    public static int[,] ConfusionMatrix(nn.Module<Tensor, Tensor> net, Tensor X, Tensor y, int numClasses, int batchSize = 1024)
    {
        ShapeText.RequireSameRows(X, y);
        using var yHat = Predict(net, X, batchSize);
        return ConfusionMatrix(yHat, y, numClasses);
    }
}
