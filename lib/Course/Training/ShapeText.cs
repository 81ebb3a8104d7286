using static TorchSharp.torch;

namespace Course.Training;

/// <summary>Writes tensor shapes the way PyTorch prints them, e.g. <c>(8192, 784)</c>.</summary>
/// <remarks>Used in every error message about shapes (notebook 00-setup onwards).</remarks>
internal static class ShapeText
{
    /// <summary>The shape of <paramref name="t"/> as <c>(d0, d1, …)</c>.</summary>
    public static string Of(Tensor t) => Of(t.shape);

    /// <summary>The shape <paramref name="shape"/> as <c>(d0, d1, …)</c>; a 1-D shape keeps no trailing comma.</summary>
    public static string Of(ReadOnlySpan<long> shape)
    {
        var parts = new string[shape.Length];
        for (int i = 0; i < shape.Length; i++) parts[i] = shape[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        return "(" + string.Join(", ", parts) + ")";
    }

    /// <summary>Throw unless <paramref name="X"/> and <paramref name="y"/> have the same number of rows.</summary>
    /// <exception cref="ArgumentException">The first dimensions differ, or a tensor is 0-D.</exception>
    public static void RequireSameRows(Tensor X, Tensor y, string xName = "X", string yName = "y")
    {
        if (X.dim() == 0 || y.dim() == 0 || X.shape[0] != y.shape[0])
            throw new ArgumentException(
                $"{xName} has shape {Of(X)} but {yName} has shape {Of(y)}: they need the same number of rows (first dimension), one target per sample.",
                yName);
    }
}
