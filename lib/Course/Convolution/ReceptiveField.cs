namespace Course.Convolution;

/// <summary>The receptive field of a stack of convolution and pooling layers: how many input pixels one output pixel sees.</summary>
/// <remarks>
/// Seed 001 (Lecture 11), slide "The convolutional layer" (output size, zero padding, receptive field) and the VGG slides:
/// three stacked 3×3 convolutions see 7×7 pixels. Each layer adds (F − 1)·(product of the earlier strides):
/// r = 1 + Σ_l (F_l − 1)·Π_{j&lt;l} S_j. Notebook 02-convolution-arithmetic.
/// </remarks>
public static class ReceptiveField
{
    /// <summary>The receptive field (in input pixels, per side) of one output pixel after <paramref name="layers"/>, first layer first.</summary>
    /// <param name="layers">(F, S) of each layer: filter or window size and stride.</param>
    /// <exception cref="ArgumentException">A layer has a non-positive size or stride.</exception>
    public static int Of(params (int F, int S)[] layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        int field = 1, jump = 1;                          // jump: input pixels between neighbouring outputs so far
        for (int l = 0; l < layers.Length; l++)
        {
            var (f, s) = layers[l];
            if (f <= 0 || s <= 0)
                throw new ArgumentException($"ReceptiveField.Of: layer {l} has F={f}, S={s}; both must be positive integers.", nameof(layers));
            field += (f - 1) * jump;
            jump *= s;
        }
        return field;
    }
}
