using System.Globalization;

namespace Course.Convolution;

/// <summary>The lecture's convolution arithmetic: output size, size-preserving padding, parameter counts, pooling size.</summary>
/// <remarks>
/// Seed 001 (Artificial Intelligence, Lecture 11), slides "The convolutional operation" (output size (N − F)/stride + 1,
/// N = 7, F = 3), "In practice: Common to zero pad the border" (pad (F − 1)/2), "Examples time" (32×32×3 input,
/// 10 5×5 filters, stride 1, pad 2 → 32×32×10 and 760 parameters), "Summary … the Conv Layer" and "The pooling layer".
/// Notebook 02-convolution-arithmetic.
/// </remarks>
public static class ConvArithmetic
{
    /// <summary>The output width (or height) of a convolution: (N − F + 2P)/S + 1.</summary>
    /// <param name="n">Input size N (width or height).</param>
    /// <param name="f">Filter size F.</param>
    /// <param name="s">Stride S.</param>
    /// <param name="p">Zero padding P on each side.</param>
    /// <exception cref="ArgumentException">A size is out of range, the filter does not fit in the padded input, or the
    /// filter positions do not tile the input (the result is not an integer, e.g. 2.33 for N = 7, F = 3, S = 3).</exception>
    public static int OutputSize(int n, int f, int s = 1, int p = 0)
    {
        var call = $"OutputSize(N={n}, F={f}, S={s}, P={p})";
        RequirePositive(call, n, "N", "input size");
        RequirePositive(call, f, "F", "filter size");
        RequirePositive(call, s, "S", "stride");
        if (p < 0) throw new ArgumentException($"{call}: the padding P={p} is negative; P counts zero rows added on each side, so P ≥ 0.", nameof(p));
        int span = n - f + 2 * p;
        if (span < 0)
            throw new ArgumentException($"{call}: the filter (F={f}) is larger than the padded input (N + 2P = {n + 2 * p}), so it fits nowhere.", nameof(f));
        if (span % s != 0)
        {
            var value = (double)span / s + 1;
            throw new ArgumentException(
                $"{call}: (N − F + 2P)/S + 1 = ({n} − {f} + 2·{p})/{s} + 1 = {value.ToString("0.00", CultureInfo.InvariantCulture)} is not an integer: " +
                $"a stride of {s} does not fit the input. Choose S dividing N − F + 2P = {span}, or change P.", nameof(s));
        }
        return span / s + 1;
    }

    /// <summary>The zero padding (F − 1)/2 that keeps the size unchanged at stride 1 (F = 3 → 1, 5 → 2, 7 → 3).</summary>
    /// <exception cref="ArgumentException">F is not a positive odd number (an even filter cannot be padded symmetrically).</exception>
    public static int SamePadding(int f)
    {
        RequirePositive($"SamePadding(F={f})", f, "F", "filter size");
        if (f % 2 == 0)
            throw new ArgumentException($"SamePadding(F={f}): (F − 1)/2 = {(f - 1) / 2.0:0.0} is not an integer; only odd filters keep the size with the same padding on both sides.", nameof(f));
        return (f - 1) / 2;
    }

    /// <summary>The weights of a convolution layer without biases: F·F·D1 per filter, (F·F·D1)·K in all.</summary>
    /// <param name="f">Filter size F.</param>
    /// <param name="d1">Input depth D1 (channels).</param>
    /// <param name="k">Number of filters K (the output depth D2).</param>
    public static long Weights(int f, int d1, int k)
    {
        var call = $"Weights(F={f}, D1={d1}, K={k})";
        RequirePositive(call, f, "F", "filter size");
        RequirePositive(call, d1, "D1", "input depth");
        RequirePositive(call, k, "K", "number of filters");
        return (long)f * f * d1 * k;
    }

    /// <summary>The parameters of a convolution layer: (F·F·D1 + 1)·K, one bias per filter (5, 3, 10 → 760).</summary>
    public static long Parameters(int f, int d1, int k)
    {
        var call = $"Parameters(F={f}, D1={d1}, K={k})";
        RequirePositive(call, f, "F", "filter size");
        RequirePositive(call, d1, "D1", "input depth");
        RequirePositive(call, k, "K", "number of filters");
        return ((long)f * f * d1 + 1) * k;
    }

    /// <summary>The output size of a pooling layer: (N − F)/S + 1 (no padding, as the lecture recommends).</summary>
    /// <param name="n">Input size N.</param>
    /// <param name="f">Window size F.</param>
    /// <param name="s">Stride S.</param>
    /// <param name="ceilMode">Round a partial last window up, like PyTorch's <c>ceil_mode: true</c> (7, 2, 2 → 4);
    /// otherwise a non-integer result is an error.</param>
    /// <exception cref="ArgumentException">A size is out of range, or the windows do not tile the input and <paramref name="ceilMode"/> is off.</exception>
    public static int PoolOutputSize(int n, int f, int s, bool ceilMode = false)
    {
        var call = $"PoolOutputSize(N={n}, F={f}, S={s})";
        RequirePositive(call, n, "N", "input size");
        RequirePositive(call, f, "F", "window size");
        RequirePositive(call, s, "S", "stride");
        int span = n - f;
        if (span < 0) throw new ArgumentException($"{call}: the window (F={f}) is larger than the input (N={n}).", nameof(f));
        if (span % s == 0) return span / s + 1;
        if (!ceilMode)
        {
            var value = (double)span / s + 1;
            throw new ArgumentException(
                $"{call}: (N − F)/S + 1 = ({n} − {f})/{s} + 1 = {value.ToString("0.00", CultureInfo.InvariantCulture)} is not an integer; " +
                "pass ceilMode: true to keep the partial last window, as PyTorch's ceil_mode does.", nameof(s));
        }
        int size = span / s + 2;                          // one more, partial window
        if ((size - 1) * s >= n) size--;                  // PyTorch: the last window must start inside the input
        return size;
    }

    private static void RequirePositive(string call, int value, string symbol, string what)
    {
        if (value <= 0)
            throw new ArgumentException($"{call}: the {what} {symbol}={value} must be a positive integer.", symbol);
    }
}
