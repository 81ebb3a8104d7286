namespace Course.Recurrent;

/// <summary>How <see cref="MovingDigits.Generate"/> makes its sequences.</summary>
/// <remarks>Notebook 06-conv-lstm keeps frames small (16×16) so a ConvLSTM trains in about a minute on two cores.</remarks>
/// <param name="FrameSize">Side S of the square frames in pixels.</param>
/// <param name="DigitSize">Side d of the shrunk digits; they move within [0, S − d] along each axis.</param>
/// <param name="NumFrames">Frames T per sequence.</param>
/// <param name="MaxSpeed">Largest speed along an axis in pixels per frame (speeds are 1 … MaxSpeed, never 0).</param>
/// <param name="DigitsPerSequence">Digits moving in each sequence; where they overlap the brighter pixel wins.</param>
/// <param name="Seed">Seed of the generator: digits, starting places and velocities.</param>
public sealed record MovingDigitsOptions(int FrameSize = 16, int DigitSize = 10, int NumFrames = 10, int MaxSpeed = 2,
                                         int DigitsPerSequence = 1, int Seed = 0)
{
    /// <summary>Throw unless the sizes fit together.</summary>
    /// <exception cref="ArgumentException">A size is out of range; the message names the values.</exception>
    internal void Validate()
    {
        if (DigitSize < 1 || DigitSize > 20)
            throw new ArgumentException($"DigitSize must be between 1 and 20, got {DigitSize}.", nameof(DigitSize));
        if (FrameSize <= DigitSize)
            throw new ArgumentException($"FrameSize {FrameSize} leaves no room for {DigitSize}×{DigitSize} digits to move; make it larger than DigitSize.", nameof(FrameSize));
        if (MaxSpeed < 1 || MaxSpeed > FrameSize - DigitSize)
            throw new ArgumentException($"MaxSpeed must be between 1 and FrameSize − DigitSize = {FrameSize - DigitSize}, got {MaxSpeed}.", nameof(MaxSpeed));
        if (NumFrames < 1) throw new ArgumentException($"NumFrames must be at least 1, got {NumFrames}.", nameof(NumFrames));
        if (DigitsPerSequence < 1) throw new ArgumentException($"DigitsPerSequence must be at least 1, got {DigitsPerSequence}.", nameof(DigitsPerSequence));
    }
}
