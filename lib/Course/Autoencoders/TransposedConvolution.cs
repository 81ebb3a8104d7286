using System.Globalization;

namespace Course.Autoencoders;

/// <summary>Transposed convolution ("deconvolution") by hand on one 2-D map: its output size and two ways to compute it.</summary>
/// <remarks>
/// Seed 002, "deconvolution / transposed convolution … de-conv: pad 0's". A convolution maps N → (N − F + 2P)/S + 1;
/// the transposed convolution goes the other way, N → (N − 1)·S − 2P + F. Two equivalent views:
/// <see cref="Scatter"/> (every input value stamps a scaled copy of the kernel, S pixels apart, overlaps add up) and
/// <see cref="AsConvolution"/> (put S − 1 zeros between the input values, pad F − 1 − P zeros around, run an ordinary
/// convolution with the kernel flipped). Notebook 08-autoencoder-variants works a tiny example and checks both against
/// <c>ConvTranspose2d</c>.
/// </remarks>
public static class TransposedConvolution
{
    /// <summary>The output size of a transposed convolution: (N − 1)·S − 2P + F (+ output padding).</summary>
    /// <param name="n">Input size N.</param>
    /// <param name="f">Filter size F.</param>
    /// <param name="s">Stride S.</param>
    /// <param name="p">Padding P (cropped from each side of the output).</param>
    /// <param name="outputPadding">Extra rows added on one side (PyTorch's <c>output_padding</c>, less than S) to pick one of the sizes a strided convolution maps to the same N.</param>
    /// <exception cref="ArgumentException">A size is out of range or the result is not positive.</exception>
    public static int OutputSize(int n, int f, int s = 1, int p = 0, int outputPadding = 0)
    {
        var call = $"OutputSize(N={n}, F={f}, S={s}, P={p})";
        if (n < 1 || f < 1 || s < 1)
            throw new ArgumentException($"{call}: N, F and S must be at least 1.", n < 1 ? nameof(n) : f < 1 ? nameof(f) : nameof(s));
        if (p < 0) throw new ArgumentException($"{call}: the padding P must be 0 or more.", nameof(p));
        if (outputPadding < 0 || outputPadding >= s)
            throw new ArgumentException($"{call}: the output padding {outputPadding} must be in [0, S) = [0, {s}).", nameof(outputPadding));
        int size = (n - 1) * s - 2 * p + f + outputPadding;
        if (size < 1)
            throw new ArgumentException($"{call}: (N − 1)·S − 2P + F = {size.ToString(CultureInfo.InvariantCulture)} leaves no output; use a smaller padding.", nameof(p));
        return size;
    }

    /// <summary>out[i·S + u − P, j·S + v − P] += x[i, j]·k[u, v]: every input value stamps the kernel onto the output.</summary>
    /// <param name="x">Input map (N × N′).</param>
    /// <param name="kernel">Kernel (F × F′).</param>
    /// <param name="stride">Stride S: the stamps are S pixels apart.</param>
    /// <param name="padding">Padding P: P rows and columns cropped from every side of the full result.</param>
    /// <returns>The output map, sized by <see cref="OutputSize"/> along each axis.</returns>
    /// <exception cref="ArgumentException">Empty arrays, S &lt; 1, P &lt; 0, or no output left.</exception>
    public static float[,] Scatter(float[,] x, float[,] kernel, int stride = 1, int padding = 0)
    {
        var (rows, columns) = Sizes(x, kernel, stride, padding);
        var output = new float[rows, columns];
        for (int i = 0; i < x.GetLength(0); i++)
            for (int j = 0; j < x.GetLength(1); j++)
                for (int u = 0; u < kernel.GetLength(0); u++)
                    for (int v = 0; v < kernel.GetLength(1); v++)
                    {
                        int r = i * stride + u - padding, c = j * stride + v - padding;
                        if (r >= 0 && r < rows && c >= 0 && c < columns)
                            output[r, c] += x[i, j] * kernel[u, v];
                    }
        return output;
    }

    /// <summary>The lecture's "pad 0's" view: <see cref="Dilate"/> the input, then an ordinary stride-1 convolution with the kernel flipped.</summary>
    /// <param name="x">Input map (N × N′).</param>
    /// <param name="kernel">Kernel (F × F′).</param>
    /// <param name="stride">Stride S of the transposed convolution (S − 1 zeros between input values).</param>
    /// <param name="padding">Padding P (F − 1 − P zeros around the dilated input; must be at most F − 1).</param>
    /// <returns>The same map as <see cref="Scatter"/>.</returns>
    /// <exception cref="ArgumentException">As for <see cref="Scatter"/>, or P &gt; F − 1.</exception>
    public static float[,] AsConvolution(float[,] x, float[,] kernel, int stride = 1, int padding = 0)
    {
        var (rows, columns) = Sizes(x, kernel, stride, padding);
        int fr = kernel.GetLength(0), fc = kernel.GetLength(1);
        var dilated = Dilate(x, stride, fr - 1 - padding, fc - 1 - padding);
        var output = new float[rows, columns];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
            {
                float sum = 0;
                for (int u = 0; u < fr; u++)
                    for (int v = 0; v < fc; v++)
                        sum += dilated[r + u, c + v] * kernel[fr - 1 - u, fc - 1 - v];         // flipped kernel
                output[r, c] = sum;
            }
        return output;
    }

    /// <summary>Insert S − 1 zeros between neighbouring values and pad the border with zeros: the input the equivalent convolution sees.</summary>
    /// <param name="x">Input map (N × N′).</param>
    /// <param name="stride">S: S − 1 zeros between values.</param>
    /// <param name="padRows">Zero rows added above and below.</param>
    /// <param name="padColumns">Zero columns added left and right (default: <paramref name="padRows"/>).</param>
    /// <returns>((N − 1)·S + 1 + 2·padRows) × ((N′ − 1)·S + 1 + 2·padColumns).</returns>
    /// <exception cref="ArgumentException">S &lt; 1 or a negative padding (P &gt; F − 1 in <see cref="AsConvolution"/>).</exception>
    public static float[,] Dilate(float[,] x, int stride, int padRows, int padColumns = -1)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (padColumns == -1) padColumns = padRows;
        if (stride < 1) throw new ArgumentException($"Dilate: the stride must be at least 1, got {stride}.", nameof(stride));
        if (padRows < 0 || padColumns < 0)
            throw new ArgumentException($"Dilate: the zero border must be 0 or more, got {padRows} × {padColumns}; in AsConvolution this means P > F − 1, which Scatter handles.", nameof(padRows));
        int n = x.GetLength(0), m = x.GetLength(1);
        var result = new float[(n - 1) * stride + 1 + 2 * padRows, (m - 1) * stride + 1 + 2 * padColumns];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
                result[padRows + i * stride, padColumns + j * stride] = x[i, j];
        return result;
    }

    private static (int Rows, int Columns) Sizes(float[,] x, float[,] kernel, int stride, int padding)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(kernel);
        if (x.Length == 0 || kernel.Length == 0)
            throw new ArgumentException($"Transposed convolution needs a non-empty input and kernel, got {x.GetLength(0)}×{x.GetLength(1)} and {kernel.GetLength(0)}×{kernel.GetLength(1)}.", nameof(x));
        return (OutputSize(x.GetLength(0), kernel.GetLength(0), stride, padding),
                OutputSize(x.GetLength(1), kernel.GetLength(1), stride, padding));
    }
}
