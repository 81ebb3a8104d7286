using static TorchSharp.torch;

namespace Course.Generative;

/// <summary>The GAN objectives: the discriminator's loss and the generator's saturating and non-saturating losses.</summary>
/// <remarks>
/// Seed 001 (Lecture 11), "Generative Adversarial Networks – GAN Training": the minimax game
/// min_G max_D E[log D(x)] + E[log(1 − D(G(z)))]. The discriminator maximises it (D(x) → 1, D(G(z)) → 0), so it
/// minimises −E[log D(x)] − E[log(1 − D(G(z)))], which is binary cross-entropy with real = 1 and fake = 0. The generator
/// minimises E[log(1 − D(G(z)))] (saturating: no gradient once D wins) or, as Goodfellow et al. (2014, §3) recommend,
/// −E[log D(G(z))] (non-saturating). The <c>FromLogits</c> versions take the discriminator's logits l with D = σ(l) and
/// use log σ(l) = −softplus(−l), log(1 − σ(l)) = −softplus(l), which never take the log of 0. Notebook 11-gan.
/// </remarks>
public static class GanLosses
{
    /// <summary>The floor on log D and log(1 − D), as in PyTorch's binary cross-entropy, so D = 0 or 1 gives a large finite loss.</summary>
    public const double LogFloor = -100;

    /// <summary>The discriminator's loss −E[log D(x)] − E[log(1 − D(G(z)))]: minus the minimax value V(D, G) on a batch.</summary>
    /// <param name="dReal">D(x) on real samples, probabilities in [0, 1], any shape.</param>
    /// <param name="dFake">D(G(z)) on fake samples, probabilities in [0, 1], any shape.</param>
    /// <returns>A scalar; 2 log 2 ≈ 1.386 when D answers ½ everywhere.</returns>
    /// <exception cref="ArgumentException">A batch is empty or holds values outside [0, 1].</exception>
    public static Tensor Discriminator(Tensor dReal, Tensor dFake)
    {
        RequireProbabilities(dReal, nameof(dReal));
        RequireProbabilities(dFake, nameof(dFake));
        using var scope = NewDisposeScope();
        var loss = -(Log(dReal).mean() + Log(1 - dFake).mean());
        return loss.MoveToOuterDisposeScope();
    }

    /// <summary>The generator's saturating loss E[log(1 − D(G(z)))]: the minimax game's own term, which the generator minimises.</summary>
    /// <param name="dFake">D(G(z)), probabilities in [0, 1].</param>
    /// <returns>A scalar ≤ 0; its gradient vanishes as D(G(z)) → 0, i.e. when the discriminator wins.</returns>
    /// <exception cref="ArgumentException">The batch is empty or holds values outside [0, 1].</exception>
    public static Tensor GeneratorSaturating(Tensor dFake)
    {
        RequireProbabilities(dFake, nameof(dFake));
        using var scope = NewDisposeScope();
        return Log(1 - dFake).mean().MoveToOuterDisposeScope();
    }

    /// <summary>The generator's non-saturating loss −E[log D(G(z))]: the same fixed point, strong gradients when D wins.</summary>
    /// <param name="dFake">D(G(z)), probabilities in [0, 1].</param>
    /// <returns>A scalar ≥ 0.</returns>
    /// <exception cref="ArgumentException">The batch is empty or holds values outside [0, 1].</exception>
    public static Tensor GeneratorNonSaturating(Tensor dFake)
    {
        RequireProbabilities(dFake, nameof(dFake));
        using var scope = NewDisposeScope();
        return (-Log(dFake).mean()).MoveToOuterDisposeScope();
    }

    /// <summary><see cref="Discriminator"/> from logits: softplus(−l_real) + softplus(l_fake), each averaged.</summary>
    /// <param name="realLogits">The discriminator's logits on real samples (D(x) = σ(l)).</param>
    /// <param name="fakeLogits">Its logits on fake samples.</param>
    /// <exception cref="ArgumentException">A batch is empty.</exception>
    public static Tensor DiscriminatorFromLogits(Tensor realLogits, Tensor fakeLogits)
    {
        RequireNonEmpty(realLogits, nameof(realLogits));
        RequireNonEmpty(fakeLogits, nameof(fakeLogits));
        using var scope = NewDisposeScope();
        var loss = nn.functional.softplus(-realLogits).mean() + nn.functional.softplus(fakeLogits).mean();  // −log σ(l) and −log(1 − σ(l))
        return loss.MoveToOuterDisposeScope();
    }

    /// <summary><see cref="GeneratorSaturating"/> from logits: −E[softplus(l_fake)].</summary>
    /// <param name="fakeLogits">The discriminator's logits on fake samples.</param>
    /// <exception cref="ArgumentException">The batch is empty.</exception>
    public static Tensor GeneratorSaturatingFromLogits(Tensor fakeLogits)
    {
        RequireNonEmpty(fakeLogits, nameof(fakeLogits));
        using var scope = NewDisposeScope();
        return (-nn.functional.softplus(fakeLogits).mean()).MoveToOuterDisposeScope();          // log(1 − σ(l)) = −softplus(l)
    }

    /// <summary><see cref="GeneratorNonSaturating"/> from logits: E[softplus(−l_fake)].</summary>
    /// <param name="fakeLogits">The discriminator's logits on fake samples.</param>
    /// <exception cref="ArgumentException">The batch is empty.</exception>
    public static Tensor GeneratorNonSaturatingFromLogits(Tensor fakeLogits)
    {
        RequireNonEmpty(fakeLogits, nameof(fakeLogits));
        using var scope = NewDisposeScope();
        return nn.functional.softplus(-fakeLogits).mean().MoveToOuterDisposeScope();             // −log σ(l) = softplus(−l)
    }

    /// <summary>The generator loss of <paramref name="kind"/> from logits.</summary>
    /// <param name="kind">Saturating or non-saturating.</param>
    /// <param name="fakeLogits">The discriminator's logits on fake samples.</param>
    public static Tensor GeneratorFromLogits(GeneratorLoss kind, Tensor fakeLogits) => kind switch
    {
        GeneratorLoss.Saturating => GeneratorSaturatingFromLogits(fakeLogits),
        GeneratorLoss.NonSaturating => GeneratorNonSaturatingFromLogits(fakeLogits),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Use GeneratorLoss.Saturating or GeneratorLoss.NonSaturating."),
    };

    private static Tensor Log(Tensor p) => p.log().clamp_min(LogFloor);

    private static void RequireNonEmpty(Tensor t, string name)
    {
        ArgumentNullException.ThrowIfNull(t, name);
        if (t.numel() == 0)
            throw new ArgumentException($"GanLosses: {name} is empty (shape ({string.Join(", ", t.shape)})); a loss needs at least one sample.", name);
    }

    private static void RequireProbabilities(Tensor p, string name)
    {
        RequireNonEmpty(p, name);
        using var scope = NewDisposeScope();
        double low = p.min().to_type(ScalarType.Float64).item<double>(), high = p.max().to_type(ScalarType.Float64).item<double>();
        if (!(low >= 0 && high <= 1))
            throw new ArgumentException(
                $"GanLosses: {name} must hold discriminator outputs in [0, 1], but it ranges from {low} to {high}; " +
                "apply a sigmoid first, or use the FromLogits version.", name);
    }
}
