using static TorchSharp.torch;

namespace Course.Losses;

/// <summary>Argument checks shared by the negative log-likelihoods, with messages that name the values.</summary>
/// <remarks>Seed 004 (DL Seminar); notebook 01-mle-to-loss.</remarks>
internal static class LossArguments
{
    /// <summary>Throw unless <paramref name="prediction"/> and <paramref name="y"/> have the same shape.</summary>
    public static void SameShape(string loss, Tensor prediction, string predictionName, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(y);
        if (!prediction.shape.SequenceEqual(y.shape))
            throw new ArgumentException(
                $"{loss}: {predictionName} has shape {Show(prediction.shape)} but y has shape {Show(y.shape)}; " +
                "each observation y_i needs its own prediction, so the shapes must match.", predictionName);
    }

    /// <summary>A shape as "(3, 2)".</summary>
    public static string Show(long[] shape) => $"({string.Join(", ", shape)})";
}
