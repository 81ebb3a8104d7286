using TorchSharp;
using static TorchSharp.torch;

namespace Course.Cnn;

/// <summary>Move images by whole pixels, filling the uncovered border with zeros: the augmentation of notebook 04-cnn-mnist.</summary>
/// <remarks>
/// Seed 001, "AlexNet: heavy data augmentation" (AlexNet used random crops, i.e. shifts, and flips; digits must not be
/// flipped). A batched tensor operation: pad every side by the largest shift, then <c>gather</c> each sample's window,
/// whose offset is drawn per sample. Use as <c>TrainOptions(Augment: Shift.Augmentation(2, seed))</c>.
/// </remarks>
public static class Shift
{
    /// <summary>Every image moved <paramref name="dy"/> pixels down and <paramref name="dx"/> right (negative: up, left); zeros come in.</summary>
    /// <param name="x">Images (B, C, H, W).</param>
    /// <param name="dy">Rows to move down.</param>
    /// <param name="dx">Columns to move right.</param>
    /// <returns>(B, C, H, W).</returns>
    /// <exception cref="ArgumentException">x is not 4-D, or a shift is as large as the image (the message names the shape).</exception>
    public static Tensor By(Tensor x, int dy, int dx)
    {
        RequireImages(x, Math.Max(Math.Abs(dy), Math.Abs(dx)));
        using var scope = torch.NewDisposeScope();
        long n = x.shape[0];
        var oy = torch.full(n, (long)-dy, ScalarType.Int64, x.device);                   // (B) window offsets
        var ox = torch.full(n, (long)-dx, ScalarType.Int64, x.device);
        return Window(x, oy, ox, Math.Max(Math.Abs(dy), Math.Abs(dx))).MoveToOuterDisposeScope();
    }

    /// <summary>Every image moved by its own random (dy, dx), each drawn uniformly from −<paramref name="maxShift"/> … +<paramref name="maxShift"/>.</summary>
    /// <param name="x">Images (B, C, H, W).</param>
    /// <param name="maxShift">Largest shift in pixels along each axis (0: the images unchanged).</param>
    /// <param name="generator">Random source (null: torch's global generator, seeded by <c>Seeding.Set</c>).</param>
    /// <returns>(B, C, H, W), same dtype and device.</returns>
    /// <exception cref="ArgumentException">x is not 4-D, maxShift &lt; 0, or maxShift is as large as the image.</exception>
    public static Tensor Random(Tensor x, int maxShift, Generator? generator = null)
    {
        if (maxShift < 0) throw new ArgumentOutOfRangeException(nameof(maxShift), maxShift, $"maxShift must be 0 or more, got {maxShift}.");
        RequireImages(x, maxShift);
        using var scope = torch.NewDisposeScope();
        long n = x.shape[0];
        var oy = torch.randint(-maxShift, maxShift + 1, [n], generator: generator).to(x.device);   // (B) in [−m, m]
        var ox = torch.randint(-maxShift, maxShift + 1, [n], generator: generator).to(x.device);   // (B)
        return Window(x, oy, ox, maxShift).MoveToOuterDisposeScope();
    }

    /// <summary>An augmentation for <c>TrainOptions.Augment</c>: <see cref="Random"/> shifts from a generator seeded with <paramref name="seed"/>.</summary>
    /// <remarks>The same seed gives the same shifts batch after batch, so a training run repeats exactly. Notebook 04-cnn-mnist.</remarks>
    /// <param name="maxShift">Largest shift in pixels along each axis.</param>
    /// <param name="seed">Seed of the augmentation's own generator.</param>
    public static Func<Tensor, Tensor> Augmentation(int maxShift = 2, int seed = 0)
    {
        if (maxShift < 0) throw new ArgumentOutOfRangeException(nameof(maxShift), maxShift, $"maxShift must be 0 or more, got {maxShift}.");
        var generator = new torch.Generator((ulong)seed);
        return x => Random(x, maxShift, generator);
    }

    /// <summary>Output pixel (i, j) of image b is input pixel (i + oy[b], j + ox[b]), zero outside: one gather from the padded images.</summary>
    private static Tensor Window(Tensor x, Tensor oy, Tensor ox, int pad)
    {
        long n = x.shape[0], c = x.shape[1], h = x.shape[2], w = x.shape[3], wp = w + 2 * pad;
        if (pad == 0) return x.clone();
        var padded = nn.functional.pad(x, [pad, pad, pad, pad]).reshape(n, c, -1);               // (B, C, (H+2p)·(W+2p))
        var rows = torch.arange(h, device: x.device).unsqueeze(0) + oy.unsqueeze(1) + pad;       // (B, H) rows of padded
        var cols = torch.arange(w, device: x.device).unsqueeze(0) + ox.unsqueeze(1) + pad;       // (B, W) columns of padded
        var at = (rows.unsqueeze(2) * wp + cols.unsqueeze(1)).reshape(n, 1, h * w);              // (B, 1, H·W) flat positions
        return padded.gather(2, at.expand(n, c, h * w)).reshape(n, c, h, w);                     // (B, C, H, W)
    }

    private static void RequireImages(Tensor x, int shift)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() != 4)
            throw new ArgumentException($"Shift needs images shaped (B, C, H, W), got ({string.Join(", ", x.shape)}); one image (H, W) is x.reshape(1, 1, H, W).", nameof(x));
        if (shift >= x.shape[2] || shift >= x.shape[3])
            throw new ArgumentException($"A shift of {shift} pixels moves a {x.shape[2]}×{x.shape[3]} image (shape ({string.Join(", ", x.shape)})) out of sight; use a smaller shift.", nameof(shift));
    }
}
