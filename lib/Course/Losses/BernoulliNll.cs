using static TorchSharp.torch;

namespace Course.Losses;

/// <summary>Negative log-likelihood of a 0/1 label under a Bernoulli distribution: binary cross-entropy.</summary>
/// <remarks>
/// Seed 004 (DL Seminar, slide "Bernoulli distribution"): with f_θ(x_i) = p_i, p(y_i | p_i) = p_i^{y_i}(1 − p_i)^{1−y_i},
/// so −log p(y_i | p_i) = −[y_i log p_i + (1 − y_i) log(1 − p_i)], "Cross-entropy". Equals
/// <c>functional.binary_cross_entropy</c>; <see cref="PerSampleFromLogits"/> equals
/// <c>functional.binary_cross_entropy_with_logits</c>. Notebook 01-mle-to-loss.
/// </remarks>
public static class BernoulliNll
{
    /// <summary>The floor on log p and log(1 − p), as in PyTorch, so that p = 0 or 1 gives a large finite loss instead of ∞.</summary>
    public const double LogFloor = -100;

    /// <summary>−[y log p + (1 − y) log(1 − p)] for every element.</summary>
    /// <param name="p">Predicted probabilities that y = 1, in [0, 1].</param>
    /// <param name="y">Labels (0 or 1, or soft targets in [0, 1]), same shape as <paramref name="p"/>.</param>
    /// <returns>A tensor shaped like <paramref name="y"/>.</returns>
    /// <exception cref="ArgumentException">The shapes differ, or some p lies outside [0, 1].</exception>
    public static Tensor PerSample(Tensor p, Tensor y)
    {
        LossArguments.SameShape(nameof(BernoulliNll), p, nameof(p), y);
        using var scope = NewDisposeScope();
        if (p.numel() > 0)
        {
            double low = p.min().item<float>(), high = p.max().item<float>();
            if (!(low >= 0 && high <= 1))
                throw new ArgumentException(
                    $"{nameof(BernoulliNll)}: p must hold probabilities in [0, 1], but it ranges from {low} to {high}; " +
                    "apply a sigmoid first, or use PerSampleFromLogits.", nameof(p));
        }
        var logP = p.log().clamp_min(LogFloor);                    // log p_i
        var logNotP = (1 - p).log().clamp_min(LogFloor);           // log(1 − p_i)
        var nll = -(y * logP + (1 - y) * logNotP);
        return nll.MoveToOuterDisposeScope();
    }

    /// <summary>The same NLL with p = σ(z) given by logits z, computed stably: y·softplus(−z) + (1 − y)·softplus(z).</summary>
    /// <remarks>Uses log σ(z) = −softplus(−z) and log(1 − σ(z)) = −softplus(z), which never take the log of 0.</remarks>
    public static Tensor PerSampleFromLogits(Tensor logits, Tensor y)
    {
        LossArguments.SameShape(nameof(BernoulliNll), logits, nameof(logits), y);
        using var scope = NewDisposeScope();
        var nll = y * nn.functional.softplus(-logits) + (1 - y) * nn.functional.softplus(logits);
        return nll.MoveToOuterDisposeScope();
    }

    /// <summary>The mean of <see cref="PerSample"/> over all observations.</summary>
    public static Tensor Loss(Tensor p, Tensor y)
    {
        using var scope = NewDisposeScope();
        return PerSample(p, y).mean().MoveToOuterDisposeScope();
    }
}
