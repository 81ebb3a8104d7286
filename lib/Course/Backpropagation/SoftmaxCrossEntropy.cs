using Course.Training;
using static TorchSharp.torch;

namespace Course.Backpropagation;

/// <summary>The gradient of the mean cross-entropy of softmax outputs with respect to the logits: (p − y) / B.</summary>
/// <remarks>
/// Seed 001 (Lecture 11), "Review: ANN": the first factor of the chain, ∂J/∂ŷ·∂ŷ/∂(logits). With p = softmax(s) and
/// L = −(1/B) Σᵢ log p_{i,yᵢ}: ∂L/∂s_{i,c} = (p_{i,c} − [c = yᵢ]) / B, where the one-hot [c = yᵢ] is "y" in the slide's
/// notation. Softmax and log cancel, which is why frameworks fuse them. The loss itself is
/// <see cref="Losses.CategoricalNll.Loss"/> (notebook 01-mle-to-loss). Notebook 01b-backpropagation derives it.
/// </remarks>
public static class SoftmaxCrossEntropy
{
    /// <summary>∂L/∂logits = (p − one-hot(y)) / B for a batch of probabilities p = softmax(logits).</summary>
    /// <param name="p">Probabilities (B, C), rows summing to 1.</param>
    /// <param name="y">Class labels (B), int64 in 0 … C − 1.</param>
    /// <returns>(B, C), the same dtype as <paramref name="p"/>.</returns>
    /// <exception cref="ArgumentException">The shapes do not fit, or a label is outside 0 … C − 1.</exception>
    public static Tensor Gradient(Tensor p, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(y);
        if (p.dim() != 2 || y.dim() != 1 || y.shape[0] != p.shape[0])
            throw new ArgumentException(
                $"SoftmaxCrossEntropy.Gradient: p has shape {ShapeText.Of(p)} and y {ShapeText.Of(y)}; expected p (B, C) and y (B) with the same B.", nameof(y));
        long numClasses = p.shape[1];
        using var scope = NewDisposeScope();
        if (y.numel() > 0 && (y.min().item<long>() < 0 || y.max().item<long>() >= numClasses))
            throw new ArgumentException(
                $"SoftmaxCrossEntropy.Gradient: y holds labels from {y.min().item<long>()} to {y.max().item<long>()}, but p has C = {numClasses} classes (0 … {numClasses - 1}).", nameof(y));
        var oneHot = nn.functional.one_hot(y, numClasses).to_type(p.dtype);      // (B, C)
        return ((p - oneHot) / p.shape[0]).MoveToOuterDisposeScope();            // (B, C)
    }
}
