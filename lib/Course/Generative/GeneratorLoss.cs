namespace Course.Generative;

/// <summary>Which loss the generator minimises.</summary>
/// <remarks>Seed 001, "GAN Training"; Goodfellow et al. (2014), §3. Notebook 11-gan compares their gradients.</remarks>
public enum GeneratorLoss
{
    /// <summary>−E[log D(G(z))]: the usual choice, strong gradients early in training.</summary>
    NonSaturating,

    /// <summary>E[log(1 − D(G(z)))]: the minimax game's own term; saturates when D(G(z)) → 0.</summary>
    Saturating,
}
