using TorchSharp;
using static TorchSharp.torch;

namespace Course.Autoencoders;

/// <summary>Corrupt a batch of images x into x̃ ~ q(x̃|x): the noise a denoising autoencoder learns to remove.</summary>
/// <remarks>
/// Seed 004 (DL Seminar), "Denoising AutoEncoder": zeroing at random points, Gaussian noise, salt and pepper noise;
/// Vincent et al. (2008, 2010). Batched tensor operations, no loops; a <see cref="Generator"/> makes the noise repeatable.
/// Notebook 08-autoencoder-variants trains one DAE per kind with <c>TrainOptions(Augment: Corruption.Augmentation(…))</c>.
/// </remarks>
public static class Corruption
{
    /// <summary>x̃ = x + ε with ε ~ N(0, <paramref name="std"/>²) per pixel, clipped to [0, 1] unless <paramref name="clip"/> is false.</summary>
    /// <param name="x">Images of any shape, values in [0, 1].</param>
    /// <param name="std">Noise standard deviation σ ≥ 0 (the notebook: 0.5).</param>
    /// <param name="generator">Random source (null: torch's global generator, seeded by <c>Seeding.Set</c>).</param>
    /// <param name="clip">Clip x̃ to [0, 1] so it is still an image.</param>
    /// <returns>x̃, same shape, dtype and device as x.</returns>
    /// <exception cref="ArgumentException">σ is negative or not finite.</exception>
    public static Tensor Gaussian(Tensor x, double std, Generator? generator = null, bool clip = true)
    {
        ArgumentNullException.ThrowIfNull(x);
        RequireStd(std);
        using var scope = torch.NewDisposeScope();
        var noisy = x + std * torch.randn(x.shape, x.dtype, x.device, generator: generator);        // same shape as x
        return (clip ? noisy.clamp(0, 1) : noisy).MoveToOuterDisposeScope();
    }

    /// <summary>Masking noise: each pixel is set to 0 with probability <paramref name="fraction"/>, the others are kept.</summary>
    /// <param name="x">Images of any shape.</param>
    /// <param name="fraction">Probability ν of zeroing a pixel, in [0, 1] (the notebook: 0.5).</param>
    /// <param name="generator">Random source (null: torch's global generator).</param>
    /// <returns>x̃, same shape, dtype and device as x.</returns>
    /// <exception cref="ArgumentException">The fraction is outside [0, 1].</exception>
    public static Tensor Masking(Tensor x, double fraction, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        RequireFraction(fraction, "Masking");
        using var scope = torch.NewDisposeScope();
        var keep = torch.rand(x.shape, x.dtype, x.device, generator: generator) >= fraction;      // bool, P(keep) = 1 − ν
        return (x * keep).MoveToOuterDisposeScope();
    }

    /// <summary>Salt-and-pepper noise: each pixel is replaced with probability <paramref name="fraction"/>, by 0 (pepper) or 1 (salt) with equal chance.</summary>
    /// <param name="x">Images of any shape, values in [0, 1].</param>
    /// <param name="fraction">Probability ν of replacing a pixel, in [0, 1] (the notebook: 0.2, so 10% pepper and 10% salt).</param>
    /// <param name="generator">Random source (null: torch's global generator).</param>
    /// <returns>x̃, same shape, dtype and device as x.</returns>
    /// <exception cref="ArgumentException">The fraction is outside [0, 1].</exception>
    public static Tensor SaltAndPepper(Tensor x, double fraction, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        RequireFraction(fraction, "SaltAndPepper");
        using var scope = torch.NewDisposeScope();
        var u = torch.rand(x.shape, x.dtype, x.device, generator: generator);                   // one uniform draw per pixel
        var pepper = u < fraction / 2;                                                           // P = ν/2 → 0
        var salt = (u >= fraction / 2).logical_and(u < fraction);                                // P = ν/2 → 1
        var noisy = torch.where(salt, torch.ones_like(x), torch.where(pepper, torch.zeros_like(x), x));
        return noisy.MoveToOuterDisposeScope();
    }

    /// <summary>Corrupt <paramref name="x"/> with noise of the given kind and level (σ for Gaussian, the fraction ν otherwise).</summary>
    /// <exception cref="ArgumentException">The level is out of range for the kind, or the kind is unknown.</exception>
    public static Tensor Apply(NoiseKind kind, Tensor x, double level, Generator? generator = null) => kind switch
    {
        NoiseKind.Gaussian => Gaussian(x, level, generator),
        NoiseKind.Masking => Masking(x, level, generator),
        NoiseKind.SaltAndPepper => SaltAndPepper(x, level, generator),
        _ => throw new ArgumentException($"Unknown noise kind {kind}; use Gaussian, Masking or SaltAndPepper.", nameof(kind)),
    };

    /// <summary>A corruption for <c>TrainOptions.Augment</c>: fresh noise for every batch, drawn from a generator seeded with <paramref name="seed"/>.</summary>
    /// <remarks>
    /// Trainer corrupts the inputs and keeps the targets clean, which is the DAE loss L(x, g(h(x̃))) of the lecture,
    /// with one noisy sample per image per epoch (the slide's average over L samples, spread over the epochs).
    /// </remarks>
    /// <exception cref="ArgumentException">The level is out of range for the kind.</exception>
    public static Func<Tensor, Tensor> Augmentation(NoiseKind kind, double level, int seed = 0)
    {
        RequireLevel(kind, level);                                                               // reject a bad level now, not at the first batch
        var generator = new torch.Generator((ulong)seed);
        return x => Apply(kind, x, level, generator);
    }

    private static void RequireLevel(NoiseKind kind, double level)
    {
        switch (kind)
        {
            case NoiseKind.Gaussian: RequireStd(level); break;
            case NoiseKind.Masking: RequireFraction(level, "Masking"); break;
            case NoiseKind.SaltAndPepper: RequireFraction(level, "SaltAndPepper"); break;
            default: throw new ArgumentException($"Unknown noise kind {kind}; use Gaussian, Masking or SaltAndPepper.", nameof(kind));
        }
    }

    private static void RequireStd(double std)
    {
        if (!(std >= 0) || double.IsInfinity(std))
            throw new ArgumentException($"Gaussian noise needs a standard deviation σ ≥ 0, got σ = {std}.", nameof(std));
    }

    private static void RequireFraction(double fraction, string noise)
    {
        if (!(fraction >= 0 && fraction <= 1))
            throw new ArgumentException($"{noise} noise needs a fraction of pixels in [0, 1], got {fraction}.", nameof(fraction));
    }
}
