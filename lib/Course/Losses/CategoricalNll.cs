using static TorchSharp.torch;

namespace Course.Losses;

/// <summary>Negative log-likelihood of a class label under a categorical distribution given by softmax(logits): cross-entropy.</summary>
/// <remarks>
/// Seed 004 (DL Seminar) derives the Bernoulli case; with C classes, p(y_i = c | x_i) = softmax(f_θ(x_i))_c and
/// −log p(y_i | x_i) = −z_{y_i} + log Σ_c exp z_c. Equals <c>functional.cross_entropy</c>. Notebook 01-mle-to-loss.
/// </remarks>
public static class CategoricalNll
{
    /// <summary>log softmax(z) along the last dimension, as z − max z − log Σ exp(z − max z) so that exp never overflows.</summary>
    /// <param name="logits">(N, C) scores.</param>
    public static Tensor LogSoftmax(Tensor logits)
    {
        ArgumentNullException.ThrowIfNull(logits);
        using var scope = NewDisposeScope();
        var shifted = logits - logits.amax([-1], keepdim: true);                     // (N, C), largest entry 0
        var logSumExp = shifted.exp().sum([-1], keepdim: true).log();                // (N, 1)
        return (shifted - logSumExp).MoveToOuterDisposeScope();
    }

    /// <summary>−log softmax(z_i)_{y_i} for every sample.</summary>
    /// <param name="logits">(N, C) scores f_θ(x).</param>
    /// <param name="y">(N,) class indices in 0 … C−1 (int64).</param>
    /// <returns>(N,) the NLL of each sample.</returns>
    /// <exception cref="ArgumentException">The shapes do not fit, or a class index is outside 0 … C−1.</exception>
    public static Tensor PerSample(Tensor logits, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(y);
        if (logits.dim() != 2 || y.dim() != 1 || y.shape[0] != logits.shape[0])
            throw new ArgumentException(
                $"{nameof(CategoricalNll)}: logits has shape {LossArguments.Show(logits.shape)} and y has shape {LossArguments.Show(y.shape)}; " +
                "expected logits (N, C) and y (N,) with the same N.", nameof(y));
        long numClasses = logits.shape[1];
        using var scope = NewDisposeScope();
        if (y.numel() > 0)
        {
            long low = y.min().item<long>(), high = y.max().item<long>();
            if (low < 0 || high >= numClasses)
                throw new ArgumentException(
                    $"{nameof(CategoricalNll)}: y holds class indices from {low} to {high}, but logits has C = {numClasses} classes (0 … {numClasses - 1}).", nameof(y));
        }
        var logP = LogSoftmax(logits);                                                // (N, C)
        var nll = -logP.gather(1, y.unsqueeze(1)).squeeze(1);                         // (N,)
        return nll.MoveToOuterDisposeScope();
    }

    /// <summary>The mean of <see cref="PerSample"/> over the batch.</summary>
    public static Tensor Loss(Tensor logits, Tensor y)
    {
        using var scope = NewDisposeScope();
        return PerSample(logits, y).mean().MoveToOuterDisposeScope();
    }
}
