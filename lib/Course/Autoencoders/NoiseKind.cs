namespace Course.Autoencoders;

/// <summary>The three corruptions q(x̃|x) of the lecture's denoising autoencoder.</summary>
/// <remarks>Seed 004 (DL Seminar), "Denoising AutoEncoder": zeroing at random points, adding Gaussian noise, salt and pepper noise. Notebook 08-autoencoder-variants.</remarks>
public enum NoiseKind
{
    /// <summary>Add N(0, σ²) to every pixel (the lecture's "adding Gaussian noise"; DAE-g in Rifai et al.'s table).</summary>
    Gaussian,

    /// <summary>Set a random fraction of the pixels to 0 (the lecture's "zeroing at random point"; DAE-b in the table).</summary>
    Masking,

    /// <summary>Set a random fraction of the pixels to 0 or 1, each with probability one half (the lecture's "salt and pepper noise").</summary>
    SaltAndPepper,
}
