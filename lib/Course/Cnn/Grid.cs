using System.Globalization;
using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Course.Cnn;

/// <summary>Moves small 2-D maps between <c>float[,]</c> arrays and tensors, compares and prints them.</summary>
/// <remarks>
/// The bridge between the loop versions of <see cref="ByHand"/> and TorchSharp's <c>conv2d</c>/<c>max_pool2d</c>
/// in notebook 03-cnn-by-hand (seed 000, the X/O example's tables).
/// </remarks>
public static class Grid
{
    /// <summary>The array as a float32 tensor (1, 1, H, W): one image with one channel, ready for <c>conv2d</c>.</summary>
    public static Tensor ToTensor(float[,] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        int h = x.GetLength(0), w = x.GetLength(1);
        var flat = new float[h * w];
        Buffer.BlockCopy(x, 0, flat, 0, flat.Length * sizeof(float));
        return torch.tensor(flat, [1, 1, h, w]);                                    // (1, 1, H, W)
    }

    /// <summary>A tensor holding one map, (H, W), (1, H, W) or (1, 1, H, W), as an (H, W) array.</summary>
    /// <exception cref="ArgumentException">The tensor holds more than one map (the message names its shape).</exception>
    public static float[,] ToArray(Tensor t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var s = t.shape;
        if (s.Length < 2 || s.Take(s.Length - 2).Any(d => d != 1))
            throw new ArgumentException($"Grid.ToArray needs one map shaped (H, W), (1, H, W) or (1, 1, H, W); got ({string.Join(", ", s)}).", nameof(t));
        int h = (int)s[^2], w = (int)s[^1];
        float[] flat;
        using (var scope = torch.NewDisposeScope())
            flat = t.detach().cpu().to_type(ScalarType.Float32).contiguous().reshape(h * w).data<float>().ToArray();
        var x = new float[h, w];
        Buffer.BlockCopy(flat, 0, x, 0, flat.Length * sizeof(float));
        return x;
    }

    /// <summary>Largest |a − b| over all positions.</summary>
    /// <exception cref="ArgumentException">The arrays differ in shape (the message names both).</exception>
    public static double MaxAbsDifference(float[,] a, float[,] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.GetLength(0) != b.GetLength(0) || a.GetLength(1) != b.GetLength(1))
            throw new ArgumentException($"Cannot compare a {a.GetLength(0)}×{a.GetLength(1)} map with a {b.GetLength(0)}×{b.GetLength(1)} map.", nameof(b));
        double worst = 0;
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++)
                worst = Math.Max(worst, Math.Abs((double)a[i, j] - b[i, j]));
        return worst;
    }

    /// <summary>A copy with every value rounded to <paramref name="digits"/> decimals, for heatmap labels.</summary>
    public static float[,] Round(float[,] x, int digits = 2)
    {
        ArgumentNullException.ThrowIfNull(x);
        var y = (float[,])x.Clone();
        for (int i = 0; i < y.GetLength(0); i++)
            for (int j = 0; j < y.GetLength(1); j++)
                y[i, j] = (float)Math.Round(y[i, j], digits, MidpointRounding.AwayFromZero);
        return y;
    }

    /// <summary>A copy with every value cut after <paramref name="digits"/> decimals, toward zero, as the lecture's slides print them (7/9 → 0.77).</summary>
    /// <remarks>
    /// Seed 000's tables truncate: 7/9 = 0.777… is printed 0.77 and 5/9 = 0.555… is printed 0.55. A float32 value a hair
    /// below a printed one (0.99999994 for 1) is first nudged by 1e-4 so that it is not cut to 0.99. Notebook 03-cnn-by-hand.
    /// </remarks>
    public static float[,] Truncate(float[,] x, int digits = 2)
    {
        ArgumentNullException.ThrowIfNull(x);
        double scale = Math.Pow(10, digits);
        var y = (float[,])x.Clone();
        for (int i = 0; i < y.GetLength(0); i++)
            for (int j = 0; j < y.GetLength(1); j++)
                y[i, j] = (float)(Math.Truncate(y[i, j] * scale + Math.Sign(y[i, j]) * 1e-4) / scale);
        return y;
    }

    /// <summary>The map as text, one row per line, values with <paramref name="digits"/> decimals in aligned columns.</summary>
    public static string Format(float[,] x, int digits = 2)
    {
        ArgumentNullException.ThrowIfNull(x);
        var text = new StringBuilder();
        string format = "F" + digits.ToString(CultureInfo.InvariantCulture);
        for (int i = 0; i < x.GetLength(0); i++)
        {
            for (int j = 0; j < x.GetLength(1); j++)
                text.Append(x[i, j].ToString(format, CultureInfo.InvariantCulture).PadLeft(digits + 4));
            if (i < x.GetLength(0) - 1) text.AppendLine();
        }
        return text.ToString();
    }
}
