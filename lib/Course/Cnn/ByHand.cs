namespace Course.Cnn;

/// <summary>Convolution, ReLU and pooling written as plain loops over <c>float[,]</c> arrays, without torch.</summary>
/// <remarks>
/// Seed 000, "CNN/convolution", "CNN/Relu", "CNN/pooling" (the X/O example) and seed 001, "The convolutional
/// operation" and "The pooling layer". Notebook 03-cnn-by-hand builds each function in a cell, then checks it against
/// <c>functional.conv2d</c>, <c>relu</c> and <c>max_pool2d</c>. Arrays are (rows, columns) = (H, W); row 0 is the top.
/// </remarks>
public static partial class ByHand
{
    private static void RequireAtLeast(int value, int minimum, string name)
    {
        if (value < minimum)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least {minimum}, got {value}.");
    }

    private static string Shape(float[,] x) => $"{x.GetLength(0)}×{x.GetLength(1)}";
}
