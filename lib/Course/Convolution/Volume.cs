using System.Globalization;

namespace Course.Convolution;

/// <summary>A W×H×D volume of activations, the lecture's way of writing a layer's output shape (55×55×96).</summary>
/// <remarks>Seed 001 (Lecture 11), "Summary … the Conv Layer": accepts W1×H1×D1, produces W2×H2×D2. Notebook 02-convolution-arithmetic.</remarks>
/// <param name="Width">W.</param>
/// <param name="Height">H.</param>
/// <param name="Depth">D: channels, or the number of filters of the layer that made it.</param>
public readonly record struct Volume(int Width, int Height, int Depth)
{
    /// <summary>A flat vector of <paramref name="length"/> values (a fully connected layer's output), 1×1×length.</summary>
    public static Volume Vector(int length) => new(1, 1, length);

    /// <summary>The number of values W·H·D (the lecture's "memory" column).</summary>
    public long Count => (long)Width * Height * Depth;

    /// <summary>True for a 1×1×D vector.</summary>
    public bool IsVector => Width == 1 && Height == 1;

    /// <summary>"55×55×96", or "4096" for a vector.</summary>
    public override string ToString() => IsVector
        ? Depth.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Width}×{Height}×{Depth}");
}
