using TorchSharp;
using static TorchSharp.torch;

namespace Course.Data;

/// <summary>The <i>rect</i> task: 28×28 white rectangle outlines on black, to be classified as wide (0) or tall (1).</summary>
/// <remarks>
/// Seed 004 (DL Seminar), "rect: discriminate between tall and wide rectangles (white on black)"; Larochelle et al.,
/// "An Empirical Evaluation of Deep Architectures on Problems with Many Factors of Variation" (ICML 2007). Height and
/// width are drawn uniformly from 3…28 pixels until they differ, the position uniformly among those that fit; the border is
/// one pixel of 1s. Notebook 08b-pretraining.
/// </remarks>
public static class Rectangles
{
    /// <summary>The label of a rectangle taller than wide.</summary>
    public const int Tall = 1;

    /// <summary>The label of a rectangle wider than tall.</summary>
    public const int Wide = 0;

    /// <summary>The smallest side, in pixels (a side of 1 or 2 would have no inside).</summary>
    public const int MinSide = 3;

    /// <summary>Draw <paramref name="count"/> rectangles: images (N, 1, 28, 28) in {0, 1} and labels (N), 1 = tall, 0 = wide.</summary>
    /// <param name="count">How many images N ≥ 1.</param>
    /// <param name="random">The random source (the same seed gives the same rectangles).</param>
    /// <exception cref="ArgumentOutOfRangeException">count is less than 1.</exception>
    public static MnistData Generate(int count, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "Rectangles.Generate needs count ≥ 1 images.");
        const int size = Mnist.ImageSize;
        var pixels = new float[count * size * size];
        var labels = new long[count];
        for (int n = 0; n < count; n++)
        {
            int height, width;
            do { height = random.Next(MinSide, size + 1); width = random.Next(MinSide, size + 1); } while (height == width);
            int top = random.Next(size - height + 1), left = random.Next(size - width + 1);
            int offset = n * size * size;
            for (int r = top; r < top + height; r++)
                for (int c = left; c < left + width; c++)
                    if (r == top || r == top + height - 1 || c == left || c == left + width - 1)
                        pixels[offset + r * size + c] = 1f;                                      // the one-pixel border
            labels[n] = height > width ? Tall : Wide;
        }
        using var scope = torch.NewDisposeScope();
        var images = torch.tensor(pixels, [count, 1, size, size]);                                  // (N, 1, 28, 28)
        var y = torch.tensor(labels);                                                                // (N)
        return new MnistData(images.DetachFromDisposeScope(), y.DetachFromDisposeScope());
    }
}
