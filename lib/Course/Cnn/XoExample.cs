namespace Course.Cnn;

/// <summary>The lecture's X/O example: a 9×9 ±1 image of an X, its 3×3 filters, and the tables printed on the slides.</summary>
/// <remarks>
/// Seed 000, "CNN/filter", "CNN/convolution", "CNN/Relu", "CNN/pooling" (after Brandon Rohrer's "How convolutional
/// neural networks work"). Notebook 03-cnn-by-hand recomputes the tables with <see cref="ByHand"/> and with TorchSharp.
/// Every member returns a new array, so changing it changes nothing else.
/// </remarks>
public static class XoExample
{
    /// <summary>The 9×9 X: −1 background, +1 on the diagonals from (1, 1) to (7, 7) and from (1, 7) to (7, 1), 0-based.</summary>
    public static float[,] XImage()
    {
        var x = new float[9, 9];
        for (int i = 0; i < 9; i++)
            for (int j = 0; j < 9; j++)
                x[i, j] = -1f;
        for (int i = 1; i <= 7; i++)
        {
            x[i, i] = 1f;                                                           // "\" stroke
            x[i, 8 - i] = 1f;                                                       // "/" stroke
        }
        return x;
    }

    /// <summary>The 9×9 O: −1 background, +1 on a ring (rows and columns 1…7, corners cut).</summary>
    /// <remarks>Seed 000, "CNN": the second letter the network must tell apart from the X.</remarks>
    public static float[,] OImage()
    {
        var x = new float[9, 9];
        for (int i = 0; i < 9; i++)
            for (int j = 0; j < 9; j++)
            {
                bool edgeRow = (i == 1 || i == 7) && j >= 3 && j <= 5;
                bool edgeCol = (j == 1 || j == 7) && i >= 3 && i <= 5;
                bool corner = (i == 2 || i == 6) && (j == 2 || j == 6);
                x[i, j] = edgeRow || edgeCol || corner ? 1f : -1f;
            }
        return x;
    }

    /// <summary>The "\" filter [[1, −1, −1], [−1, 1, −1], [−1, −1, 1]]: the first of the lecture's three filters.</summary>
    public static float[,] DiagonalFilter() => new float[,] { { 1, -1, -1 }, { -1, 1, -1 }, { -1, -1, 1 } };

    /// <summary>The "x" filter [[1, −1, 1], [−1, 1, −1], [1, −1, 1]]: the crossing in the middle of the X.</summary>
    public static float[,] CrossFilter() => new float[,] { { 1, -1, 1 }, { -1, 1, -1 }, { 1, -1, 1 } };

    /// <summary>The "/" filter [[−1, −1, 1], [−1, 1, −1], [1, −1, −1]].</summary>
    public static float[,] AntiDiagonalFilter() => new float[,] { { -1, -1, 1 }, { -1, 1, -1 }, { 1, -1, -1 } };

    /// <summary>The lecture's 7×7 feature map of the X under <see cref="DiagonalFilter"/>, as printed (two decimals, truncated).</summary>
    /// <remarks>Seed 000, "CNN/Relu" and "CNN/pooling" (the same table; 0.77 is 7/9 = 0.777…, 0.55 is 5/9 = 0.555…).</remarks>
    public static float[,] LectureFeatureMap() => new float[,]
    {
        { 0.77f, -0.11f, 0.11f, 0.33f, 0.55f, -0.11f, 0.33f },
        { -0.11f, 1.00f, -0.11f, 0.33f, -0.11f, 0.11f, -0.11f },
        { 0.11f, -0.11f, 1.00f, -0.33f, 0.11f, -0.11f, 0.55f },
        { 0.33f, 0.33f, -0.33f, 0.55f, -0.33f, 0.33f, 0.33f },
        { 0.55f, -0.11f, 0.11f, -0.33f, 1.00f, -0.11f, 0.11f },
        { -0.11f, 0.11f, -0.11f, 0.33f, -0.11f, 1.00f, -0.11f },
        { 0.33f, -0.11f, 0.55f, 0.33f, 0.11f, -0.11f, 0.77f },
    };

    /// <summary>The lecture's 4×4 result of 2×2, stride-2 max pooling of <see cref="LectureFeatureMap"/>.</summary>
    /// <remarks>Seed 000, "CNN/pooling", "max pooling": 1.00 0.33 0.55 0.33 / 0.33 1.00 0.33 0.55 / …</remarks>
    public static float[,] LecturePooledMap() => new float[,]
    {
        { 1.00f, 0.33f, 0.55f, 0.33f },
        { 0.33f, 1.00f, 0.33f, 0.55f },
        { 0.55f, 0.33f, 1.00f, 0.11f },
        { 0.33f, 0.55f, 0.11f, 0.77f },
    };
}
