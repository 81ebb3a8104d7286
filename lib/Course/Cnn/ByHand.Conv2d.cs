namespace Course.Cnn;

public static partial class ByHand
{
    /// <summary>Slide <paramref name="kernel"/> over <paramref name="x"/> and sum the element-wise products (cross-correlation, what deep learning calls convolution).</summary>
    /// <remarks>
    /// Seed 001, "The convolutional operation": output size <c>(N − F + 2P)/S + 1</c> per side; like <c>functional.conv2d</c>
    /// a window that would run past the (padded) edge is dropped (notebook 02-convolution-arithmetic explains when the stride fits).
    /// The kernel is not flipped. Notebook 03-cnn-by-hand.
    /// </remarks>
    /// <param name="x">Input (H, W).</param>
    /// <param name="kernel">Filter (kH, kW).</param>
    /// <param name="stride">Step S between windows, in pixels.</param>
    /// <param name="padding">Zeros P added on every side before sliding.</param>
    /// <param name="bias">Added to every output value.</param>
    /// <returns>Feature map ((H + 2P − kH)/S + 1, (W + 2P − kW)/S + 1).</returns>
    /// <exception cref="ArgumentException">The kernel is larger than the padded input (the message names both shapes), or stride &lt; 1, padding &lt; 0.</exception>
    public static float[,] Conv2d(float[,] x, float[,] kernel, int stride = 1, int padding = 0, float bias = 0f)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(kernel);
        RequireAtLeast(stride, 1, nameof(stride));
        RequireAtLeast(padding, 0, nameof(padding));
        int h = x.GetLength(0), w = x.GetLength(1), kh = kernel.GetLength(0), kw = kernel.GetLength(1);
        if (kh == 0 || kw == 0 || kh > h + 2 * padding || kw > w + 2 * padding)
            throw new ArgumentException($"Conv2d: kernel {Shape(kernel)} does not fit in input {Shape(x)} padded by {padding}.", nameof(kernel));
        int outH = (h + 2 * padding - kh) / stride + 1, outW = (w + 2 * padding - kw) / stride + 1;
        var y = new float[outH, outW];                                              // (outH, outW)
        for (int i = 0; i < outH; i++)
            for (int j = 0; j < outW; j++)
            {
                float sum = bias;
                for (int a = 0; a < kh; a++)
                    for (int b = 0; b < kw; b++)
                    {
                        int r = i * stride + a - padding, c = j * stride + b - padding;   // input pixel under kernel[a, b]
                        if (r >= 0 && r < h && c >= 0 && c < w) sum += x[r, c] * kernel[a, b];
                    }
                y[i, j] = sum;
            }
        return y;
    }

    /// <summary>The lecture's feature map: at each position, the mean of the element-wise products of filter and image patch.</summary>
    /// <remarks>
    /// Seed 000, "CNN/convolution": a ±1 image and a ±1 filter give values in [−1, 1], 1 where the patch matches the filter
    /// exactly (e.g. 0.77 = 7/9 in the corner of the X). Equal to <see cref="Conv2d"/> with the kernel divided by its size.
    /// Notebook 03-cnn-by-hand.
    /// </remarks>
    /// <param name="image">Input (H, W).</param>
    /// <param name="filter">Filter (kH, kW).</param>
    /// <returns>(H − kH + 1, W − kW + 1), stride 1, no padding.</returns>
    /// <exception cref="ArgumentException">The filter is larger than the image (the message names both shapes).</exception>
    public static float[,] FeatureMap(float[,] image, float[,] filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        int kh = filter.GetLength(0), kw = filter.GetLength(1);
        var mean = new float[kh, kw];                                               // filter / (kH·kW)
        for (int a = 0; a < kh; a++)
            for (int b = 0; b < kw; b++)
                mean[a, b] = filter[a, b] / (kh * kw);
        return Conv2d(image, mean);
    }
}
