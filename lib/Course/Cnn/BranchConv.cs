namespace Course.Cnn;

/// <summary>One convolution of an Inception branch: a <c>Kernel</c>×<c>Kernel</c> filter bank from <c>InChannels</c> to <c>OutChannels</c>, stride 1, "same" padding, with biases.</summary>
/// <remarks>
/// Seed 001, "GoogleNet – 22 layers" ("(b) Inception module with dimensionality reduction"; C. Szegedy et al., Going
/// Deeper with Convolutions, CVPR 2015). Its counts are the lecture's conv-layer formulas: <c>(F·F·D1 + 1)·K</c>
/// parameters and one multiply-accumulate per weight per output position. Notebook 04b-modern-cnn tabulates them.
/// </remarks>
/// <param name="Name">The convolution's place in the module, e.g. <c>3×3 reduce</c>.</param>
/// <param name="Kernel">Filter size F (1, 3 or 5 in an Inception module).</param>
/// <param name="InChannels">Depth D1 of its input.</param>
/// <param name="OutChannels">Number of filters K.</param>
public sealed record BranchConv(string Name, int Kernel, int InChannels, int OutChannels)
{
    /// <summary>Weights and biases: <c>(F·F·D1 + 1)·K</c>.</summary>
    public long Parameters => ((long)Kernel * Kernel * InChannels + 1) * OutChannels;

    /// <summary>Weights alone, <c>F·F·D1·K</c>: the number of multiply-accumulates per output position.</summary>
    public long Weights => (long)Kernel * Kernel * InChannels * OutChannels;

    /// <summary>Multiply-accumulates on a <paramref name="height"/>×<paramref name="width"/> map: <c>H·W·F·F·D1·K</c> (the output keeps the input's size).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    public long MultiplyAccumulates(int height, int width)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        return (long)height * width * Weights;
    }
}
