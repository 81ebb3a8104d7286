namespace Course.Generative;

/// <summary>The sizes of a <see cref="Vae"/>: an MLP encoder q(z|x) and decoder p(x|z) with one hidden layer each.</summary>
/// <remarks>
/// Kingma &amp; Welling (2014) used one hidden layer of 500 units for MNIST; 784-400-20 is the common PyTorch example.
/// Notebook 10-vae trains latent size 20 for the figures and latent size 2 for the pictures of the latent space.
/// </remarks>
/// <param name="InputDim">Pixels per image (28·28 = 784).</param>
/// <param name="HiddenDim">Units of the hidden layer of the encoder and of the decoder.</param>
/// <param name="LatentDim">Latent variables D: the size of z, μ and log σ².</param>
public sealed record VaeConfig(int InputDim = 784, int HiddenDim = 400, int LatentDim = 20)
{
    /// <summary>Throw unless every size is at least 1.</summary>
    /// <exception cref="ArgumentException">A size is below 1 (the message names it).</exception>
    public void Validate()
    {
        if (InputDim < 1 || HiddenDim < 1 || LatentDim < 1)
            throw new ArgumentException($"VaeConfig sizes must be at least 1, got InputDim = {InputDim}, HiddenDim = {HiddenDim}, LatentDim = {LatentDim}.");
    }

    /// <summary>The layer sizes, e.g. <c>784-400-20</c>.</summary>
    public override string ToString() => $"{InputDim}-{HiddenDim}-{LatentDim}";
}
