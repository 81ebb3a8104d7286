namespace Course.Cnn;

public static partial class ByHand
{
    /// <summary>Largest value of each <paramref name="size"/>×<paramref name="size"/> window, windows <paramref name="stride"/> apart.</summary>
    /// <remarks>
    /// Seed 001, "The pooling layer" (4×4 → 2×2: 6 8 / 3 4); seed 000, "CNN/pooling": the X/O example pools its 7×7 map
    /// to 4×4, which needs <paramref name="ceilMode"/> (a last, partial window over the odd row and column), as
    /// <c>functional.max_pool2d(…, ceil_mode: true)</c>. Notebook 03-cnn-by-hand.
    /// </remarks>
    /// <param name="x">Feature map (H, W).</param>
    /// <param name="size">Window side F.</param>
    /// <param name="stride">Step S between windows.</param>
    /// <param name="ceilMode">Keep a last window that hangs over the edge (it sees only the pixels inside).</param>
    /// <returns>(PoolOutputSize(H), PoolOutputSize(W)).</returns>
    /// <exception cref="ArgumentException">The window is larger than the map (the message names both), or size, stride &lt; 1.</exception>
    public static float[,] MaxPool(float[,] x, int size = 2, int stride = 2, bool ceilMode = false) =>
        Pool(x, size, stride, ceilMode, nameof(MaxPool), window => window.Max());

    /// <summary>Mean of each <paramref name="size"/>×<paramref name="size"/> window, windows <paramref name="stride"/> apart (LeNet-5's subsampling).</summary>
    /// <remarks>
    /// Seed 001, "LeNet-5": LeCun's subsampling layers average 2×2 windows. A partial window (ceil mode) averages only the
    /// pixels inside, as <c>functional.avg_pool2d</c> does. Notebooks 03-cnn-by-hand and 04-cnn-mnist.
    /// </remarks>
    /// <param name="x">Feature map (H, W).</param>
    /// <param name="size">Window side F.</param>
    /// <param name="stride">Step S between windows.</param>
    /// <param name="ceilMode">Keep a last window that hangs over the edge.</param>
    /// <exception cref="ArgumentException">The window is larger than the map, or size, stride &lt; 1.</exception>
    public static float[,] AvgPool(float[,] x, int size = 2, int stride = 2, bool ceilMode = false) =>
        Pool(x, size, stride, ceilMode, nameof(AvgPool), window => window.Average());

    /// <summary>Output side of pooling <paramref name="n"/> pixels: <c>(n − F)/S + 1</c>, rounded down, or up in ceil mode.</summary>
    /// <remarks>
    /// Seed 001, "The pooling layer": <c>W2 = (W1 − F)/S + 1</c>. In ceil mode, as in PyTorch, the last window must start
    /// inside the input. Example: 7 pixels, F = 2, S = 2 → 3, or 4 in ceil mode (seed 000's 7×7 → 4×4). Notebook 03-cnn-by-hand.
    /// </remarks>
    /// <exception cref="ArgumentException">size &gt; n, or size, stride &lt; 1.</exception>
    public static int PoolOutputSize(int n, int size, int stride, bool ceilMode = false)
    {
        RequireAtLeast(size, 1, nameof(size));
        RequireAtLeast(stride, 1, nameof(stride));
        if (size > n)
            throw new ArgumentException($"Pooling: a {size}×{size} window does not fit in {n} pixels.", nameof(size));
        int output = ceilMode ? (n - size + stride - 1) / stride + 1 : (n - size) / stride + 1;
        if (ceilMode && (output - 1) * stride >= n) output--;                      // last window would start outside
        return output;
    }

    private static float[,] Pool(float[,] x, int size, int stride, bool ceilMode, string name, Func<List<float>, float> reduce)
    {
        ArgumentNullException.ThrowIfNull(x);
        RequireAtLeast(size, 1, nameof(size));
        RequireAtLeast(stride, 1, nameof(stride));
        int h = x.GetLength(0), w = x.GetLength(1);
        if (size > h || size > w)
            throw new ArgumentException($"{name}: window {size}×{size} does not fit in input {Shape(x)}.", nameof(size));
        int outH = PoolOutputSize(h, size, stride, ceilMode), outW = PoolOutputSize(w, size, stride, ceilMode);
        var y = new float[outH, outW];                                              // (outH, outW)
        var window = new List<float>(size * size);
        for (int i = 0; i < outH; i++)
            for (int j = 0; j < outW; j++)
            {
                window.Clear();
                for (int r = i * stride; r < Math.Min(i * stride + size, h); r++)     // clipped at the edge in ceil mode
                    for (int c = j * stride; c < Math.Min(j * stride + size, w); c++)
                        window.Add(x[r, c]);
                y[i, j] = reduce(window);
            }
        return y;
    }
}
