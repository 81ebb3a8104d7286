using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace Course.Plots;

/// <summary>Heatmaps of a matrix: feature maps, kernels, confusion matrices. Row 0 is drawn at the top.</summary>
/// <remarks>
/// Seed 000, "CNN/convolution" → "Feature map" (the 7×7 grids of filter responses).
/// Notebook 03-cnn-by-hand shows feature maps with <see cref="Create(float[,], string, string, string, IReadOnlyList{string}?, IReadOnlyList{string}?, bool)"/>;
/// 04-cnn-mnist shows <see cref="ConfusionMatrix"/> of <c>Scores.ConfusionMatrix</c>.
/// </remarks>
public static class Heatmap
{
    /// <summary>A heatmap of <paramref name="values"/> (rows × columns), row 0 on top.</summary>
    /// <param name="values">The matrix to draw.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="xTitle">Label of the column axis.</param>
    /// <param name="yTitle">Label of the row axis.</param>
    /// <param name="xLabels">One label per column (null: 0, 1, …).</param>
    /// <param name="yLabels">One label per row (null: 0, 1, …).</param>
    /// <param name="showValues">Write each cell's value on it (for small matrices).</param>
    public static GenericChart Create(float[,] values, string title = "", string xTitle = "", string yTitle = "",
                                      IReadOnlyList<string>? xLabels = null, IReadOnlyList<string>? yLabels = null, bool showValues = false)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Build(Rows(values, v => (double)v), title, xTitle, yTitle, xLabels, yLabels, showValues, StyleParam.Colorscale.Viridis);
    }

    /// <summary>A heatmap of counts <paramref name="counts"/> (rows × columns), row 0 on top.</summary>
    /// <param name="counts">The matrix to draw.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="xTitle">Label of the column axis.</param>
    /// <param name="yTitle">Label of the row axis.</param>
    /// <param name="xLabels">One label per column (null: 0, 1, …).</param>
    /// <param name="yLabels">One label per row (null: 0, 1, …).</param>
    /// <param name="showValues">Write each cell's count on it.</param>
    public static GenericChart Create(int[,] counts, string title = "", string xTitle = "", string yTitle = "",
                                      IReadOnlyList<string>? xLabels = null, IReadOnlyList<string>? yLabels = null, bool showValues = true)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return Build(Rows(counts, v => (double)v), title, xTitle, yTitle, xLabels, yLabels, showValues, WhiteToBlue);
    }

    /// <summary>A confusion matrix: true class down, predicted class across, counts written in the cells.</summary>
    /// <param name="counts">C × C counts, row = true class, column = predicted class (as <c>Scores.ConfusionMatrix</c> returns).</param>
    /// <param name="labels">Class names (null: 0 … C−1).</param>
    /// <param name="title">Chart title.</param>
    public static GenericChart ConfusionMatrix(int[,] counts, IReadOnlyList<string>? labels = null, string title = "Confusion matrix")
    {
        ArgumentNullException.ThrowIfNull(counts);
        labels ??= Enumerable.Range(0, counts.GetLength(0)).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return Create(counts, title, "predicted class", "true class", labels, labels, showValues: true);
    }

    private static readonly StyleParam.Colorscale WhiteToBlue = StyleParam.Colorscale.NewCustom(
        [Tuple.Create(0.0, Color.fromString("#f7fbff")), Tuple.Create(1.0, Color.fromString("#08306b"))]);

    private static double[][] Rows<T>(T[,] m, Func<T, double> convert) =>
        Enumerable.Range(0, m.GetLength(0)).Select(i => Enumerable.Range(0, m.GetLength(1)).Select(j => convert(m[i, j])).ToArray()).ToArray();

    private static GenericChart Build(double[][] rows, string title, string xTitle, string yTitle,
                                      IReadOnlyList<string>? xLabels, IReadOnlyList<string>? yLabels, bool showValues, StyleParam.Colorscale colorScale)
    {
        int numRows = rows.Length, numCols = numRows == 0 ? 0 : rows[0].Length;
        if (xLabels is not null && xLabels.Count != numCols)
            throw new ArgumentException($"xLabels has {xLabels.Count} labels but the matrix has {numCols} columns.", nameof(xLabels));
        if (yLabels is not null && yLabels.Count != numRows)
            throw new ArgumentException($"yLabels has {yLabels.Count} labels but the matrix has {numRows} rows.", nameof(yLabels));
        var xs = (xLabels ?? Enumerable.Range(0, numCols).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToArray();
        var ys = (yLabels ?? Enumerable.Range(0, numRows).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToArray();
        var chart = Chart.Heatmap<double, string, string, string>(
            zData: rows, X: xs, Y: ys, ColorScale: colorScale, ReverseYAxis: true);
        if (showValues) chart = chart.WithTraceProperty("texttemplate", "%{z}");
        int side = Math.Clamp(40 * Math.Max(numRows, numCols) + 160, 320, 640);
        return chart.Titled(title)
                    .WithXAxisStyle<double, double, string>(TitleText: xTitle)
                    .WithYAxisStyle<double, double, string>(TitleText: yTitle)
                    .Sized(side + 80, side);
    }
}
