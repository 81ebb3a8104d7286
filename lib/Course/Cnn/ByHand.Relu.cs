namespace Course.Cnn;

public static partial class ByHand
{
    /// <summary>Replace every negative value by 0: <c>max(0, x)</c>, element by element.</summary>
    /// <remarks>Seed 000, "CNN/Relu"; seed 001, AlexNet "first use of ReLU". Notebook 03-cnn-by-hand.</remarks>
    /// <param name="x">Feature map (H, W).</param>
    /// <returns>A new (H, W) array.</returns>
    public static float[,] Relu(float[,] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        int h = x.GetLength(0), w = x.GetLength(1);
        var y = new float[h, w];
        for (int i = 0; i < h; i++)
            for (int j = 0; j < w; j++)
                y[i, j] = Math.Max(0f, x[i, j]);
        return y;
    }
}
