using static TorchSharp.torch;

namespace Course.Recurrent;

/// <summary>Moving-digit sequences and how they were made.</summary>
/// <remarks>Returned by <see cref="MovingDigits.Generate"/>; notebook 06-conv-lstm trains on <see cref="Frames"/> and plots <see cref="Positions"/>.</remarks>
/// <param name="Frames">(N, T, 1, S, S) float32 in [0, 1], outside any dispose scope.</param>
/// <param name="Positions">[sequence, digit, frame, axis]: top (axis 0) and left (axis 1) edge of each digit in each frame.</param>
/// <param name="Velocities">[sequence, digit, frame, axis]: the velocity that will move the digit from this frame to the next.</param>
/// <param name="DigitIndices">[sequence, digit]: which of the given digits was used.</param>
/// <param name="Options">The options that made them.</param>
public sealed record MovingDigitsSet(Tensor Frames, int[,,,] Positions, int[,,,] Velocities, int[,] DigitIndices, MovingDigitsOptions Options)
{
    /// <summary>The class of every pixel, (N, T, S, S) int64: the digit 0–9 whose ink covers it, or <see cref="MovingDigits.Background"/> (10); null unless <see cref="MovingDigits.Generate"/> was given the labels.</summary>
    /// <remarks>
    /// A pixel belongs to a digit where that digit's shrunk image is at least <see cref="MovingDigits.InkThreshold"/> and, where
    /// digits overlap, brighter than the others (the digit the frame shows there). The targets of semantic segmentation
    /// (seed 003, "Semantic Segmentation", FCN); notebook 06-conv-lstm trains <c>Course.Cnn.FullyConvolutional</c> on them.
    /// Outside any dispose scope.
    /// </remarks>
    public Tensor? LabelMaps { get; init; }

    /// <summary>Number of sequences N.</summary>
    public int Count => (int)Frames.shape[0];

    /// <summary>The first <paramref name="numFrames"/> frames of every sequence, (N, numFrames, 1, S, S): what a forecaster sees.</summary>
    /// <exception cref="ArgumentOutOfRangeException">numFrames is not between 1 and T − 1.</exception>
    public Tensor Context(int numFrames)
    {
        RequireContext(numFrames);
        return Frames.narrow(1, 0, numFrames);
    }

    /// <summary>Frame number <paramref name="numFrames"/> (0-based) of every sequence, (N, 1, S, S): the frame that follows <see cref="Context"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">numFrames is not between 1 and T − 1.</exception>
    public Tensor Next(int numFrames)
    {
        RequireContext(numFrames);
        return Frames.select(1, numFrames);
    }

    /// <summary>A short description, e.g. <c>MovingDigitsSet: 2,000 sequences of 10 frames 16×16, 1 digit each</c>.</summary>
    public override string ToString() =>
        $"MovingDigitsSet: {Count:N0} sequences of {Options.NumFrames} frames {Options.FrameSize}×{Options.FrameSize}, {Options.DigitsPerSequence} digit{(Options.DigitsPerSequence == 1 ? "" : "s")} each";

    private void RequireContext(int numFrames)
    {
        if (numFrames < 1 || numFrames >= Options.NumFrames)
            throw new ArgumentOutOfRangeException(nameof(numFrames), numFrames, $"numFrames must be between 1 and {Options.NumFrames - 1} (the sequences have {Options.NumFrames} frames).");
    }
}
