using Course.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Course.Recurrent;

/// <summary>The naive forecast: the next frame looks like the last one. A forecaster must beat it to be worth anything.</summary>
/// <remarks>
/// Shi et al. (2015) compare their ConvLSTM with such "persistence" forecasts for rain radar maps.
/// Notebook 06-conv-lstm reports its error as <c>copy_last_frame_mse</c> (and exercise 3 computes it).
/// </remarks>
public static class CopyLastFrame
{
    /// <summary>The forecast x̂(T+1) = x(T).</summary>
    /// <param name="frames">(B, T, …) with T ≥ 1.</param>
    /// <returns>(B, …): the last frame of each sequence.</returns>
    public static Tensor Predict(Tensor frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        if (frames.dim() < 2 || frames.shape[1] < 1)
            throw new ArgumentException($"CopyLastFrame needs frames shaped (B, T, …) with T ≥ 1; got {ShapeText.Of(frames)}.", nameof(frames));
        return frames.select(1, frames.shape[1] - 1);
    }

    /// <summary>Mean squared error (over sequences and pixels) of the copy-last-frame forecast against the true next frames.</summary>
    /// <param name="frames">Context (B, T, …).</param>
    /// <param name="next">True next frames (B, …), shaped like one frame of <paramref name="frames"/>.</param>
    /// <exception cref="ArgumentException">The next frames are not shaped like the last frames (the message names both shapes).</exception>
    public static double Mse(Tensor frames, Tensor next)
    {
        ArgumentNullException.ThrowIfNull(next);
        using var scope = torch.NewDisposeScope();
        var last = Predict(frames);
        if (!last.shape.SequenceEqual(next.shape))
            throw new ArgumentException($"next has shape {ShapeText.Of(next)} but the last frames of {ShapeText.Of(frames)} have shape {ShapeText.Of(last)}; they must match.", nameof(next));
        return (last - next).square().mean().to_type(ScalarType.Float64).item<double>();
    }
}
