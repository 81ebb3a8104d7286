using static TorchSharp.torch;

namespace Course.Losses;

/// <summary>Negative log-likelihood of y under a Gaussian whose mean is the network's output: the loss behind MSE.</summary>
/// <remarks>
/// Seed 004 (DL Seminar, slide "Gaussian distribution"): with f_θ(x_i) = μ_i and σ_i = 1,
/// −log p(y_i | μ_i) = −log(1/√(2π)) + (y_i − μ_i)²/2, i.e. "Mean Squared Error" up to a factor ½ and a constant.
/// So the mean NLL equals <c>functional.mse_loss(μ, y) / 2 + ½·log 2π</c>. Notebook 01-mle-to-loss.
/// </remarks>
public static class GaussianNll
{
    /// <summary>½·log 2π ≈ 0.9189: the part of the σ = 1 Gaussian NLL that does not depend on μ.</summary>
    public static readonly double LogNormalizer = 0.5 * Math.Log(2 * Math.PI);

    /// <summary>−log 𝒩(y_i | μ_i, σ²) for every element: (y_i − μ_i)²/(2σ²) + log σ + ½·log 2π.</summary>
    /// <param name="mu">The predicted means f_θ(x), any shape.</param>
    /// <param name="y">The observations, same shape as <paramref name="mu"/>.</param>
    /// <param name="sigma">The fixed standard deviation (the lecture's σ_i = 1).</param>
    /// <returns>A tensor shaped like <paramref name="y"/>.</returns>
    /// <exception cref="ArgumentException">The shapes differ, or σ is not positive.</exception>
    public static Tensor PerSample(Tensor mu, Tensor y, double sigma = 1.0)
    {
        LossArguments.SameShape(nameof(GaussianNll), mu, nameof(mu), y);
        if (!(sigma > 0) || !double.IsFinite(sigma))
            throw new ArgumentException($"{nameof(GaussianNll)}: sigma = {sigma} is not a standard deviation; it must be a positive number.", nameof(sigma));
        using var scope = NewDisposeScope();
        var squaredError = (y - mu).square();                                     // same shape as y
        var nll = squaredError / (2 * sigma * sigma) + (Math.Log(sigma) + LogNormalizer);
        return nll.MoveToOuterDisposeScope();
    }

    /// <summary>The mean of <see cref="PerSample"/> over all observations: the i.i.d. NLL divided by their number.</summary>
    public static Tensor Loss(Tensor mu, Tensor y, double sigma = 1.0)
    {
        using var scope = NewDisposeScope();
        return PerSample(mu, y, sigma).mean().MoveToOuterDisposeScope();
    }
}
