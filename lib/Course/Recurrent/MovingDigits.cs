using Course.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Course.Recurrent;

/// <summary>Sequences of small frames in which real digits move with constant velocity and bounce off the edges.</summary>
/// <remarks>
/// After "Moving MNIST" (N. Srivastava, E. Mansimov, R. Salakhutdinov, ICML 2015), used by Shi et al. (2015) to test the
/// ConvLSTM; seed 002 (Lecture 9), "Peephole convolutional LSTM". Each digit is shrunk to a
/// <see cref="MovingDigitsOptions.DigitSize"/> square, starts at a random place with a random velocity of 1 to
/// <see cref="MovingDigitsOptions.MaxSpeed"/> pixels per frame along each axis, and is reflected at the frame's edges
/// (<see cref="Bounce"/>). Positions are whole pixels, so a frame is an exact shifted copy of the digit.
/// Generated on the CPU from a seed: the same seed gives the same sequences. Notebook 06-conv-lstm.
/// </remarks>
public static class MovingDigits
{
    /// <summary>The next position and velocity along one axis: move by <paramref name="velocity"/>, reflect at 0 and at <paramref name="max"/>.</summary>
    /// <remarks>
    /// p' = p + v; if p' &lt; 0 then p' = −p' and v = −v; if p' &gt; max then p' = 2·max − p' and v = −v.
    /// Like a ball off a wall: the part of the step that would leave [0, max] is walked back. Notebook 06-conv-lstm, exercise 2.
    /// </remarks>
    /// <param name="position">Current position p, in [0, max] (the digit's top or left edge).</param>
    /// <param name="velocity">Pixels per frame v, |v| ≤ max.</param>
    /// <param name="max">Largest position: frame size − digit size.</param>
    /// <exception cref="ArgumentException">p is outside [0, max], or |v| &gt; max (one reflection would not suffice).</exception>
    public static (int Position, int Velocity) Bounce(int position, int velocity, int max)
    {
        if (max < 0) throw new ArgumentOutOfRangeException(nameof(max), max, $"max must be 0 or more, got {max}.");
        if (position < 0 || position > max)
            throw new ArgumentException($"position {position} lies outside [0, {max}].", nameof(position));
        if (Math.Abs(velocity) > max)
            throw new ArgumentException($"velocity {velocity} is faster than the room to move, max = {max}: one reflection would not bring the digit back.", nameof(velocity));
        int next = position + velocity;
        if (next < 0) return (-next, -velocity);
        if (next > max) return (2 * max - next, -velocity);
        return (next, velocity);
    }

    /// <summary>Digits (N, 1, 28, 28) shrunk to (N, 1, size, size): the central 20×20 box (where MNIST puts the ink) averaged down, then each scaled to a maximum of 1.</summary>
    /// <param name="digits">MNIST images (N, 1, 28, 28) in [0, 1], e.g. <c>Mnist.Split().Train.Images</c>.</param>
    /// <param name="size">Side of the shrunk digits, 1 to 20.</param>
    /// <exception cref="ArgumentException">The images are not (N, 1, 28, 28), or the size is outside 1…20.</exception>
    public static Tensor Shrink(Tensor digits, int size)
    {
        ArgumentNullException.ThrowIfNull(digits);
        if (digits.dim() != 4 || digits.shape[1] != 1 || digits.shape[2] != 28 || digits.shape[3] != 28)
            throw new ArgumentException($"MovingDigits needs MNIST digits shaped (N, 1, 28, 28); got {ShapeText.Of(digits)}.", nameof(digits));
        if (size < 1 || size > 20)
            throw new ArgumentOutOfRangeException(nameof(size), size, $"the digit size must be between 1 and 20 pixels, got {size}.");
        using var scope = torch.NewDisposeScope();
        var box = digits.narrow(2, 4, 20).narrow(3, 4, 20);                                   // (N, 1, 20, 20)
        var small = nn.functional.adaptive_avg_pool2d(box.to_type(ScalarType.Float32), [size, size]); // (N, 1, s, s)
        var peak = small.amax([1, 2, 3], keepdim: true).clamp_min(1e-6);                      // (N, 1, 1, 1)
        return (small / peak).MoveToOuterDisposeScope();
    }

    /// <summary>The class of a pixel that belongs to no digit in <see cref="MovingDigitsSet.LabelMaps"/>: 10, after the digits 0–9.</summary>
    /// <remarks>Notebook 06-conv-lstm segments frames into these 11 classes with <c>Course.Cnn.FullyConvolutional</c>.</remarks>
    public const int Background = 10;

    /// <summary>A pixel belongs to a digit when the shrunk digit's value there is at least this (its peak is 1).</summary>
    /// <remarks>Below it a pixel is the faint edge of a stroke, blurred by shrinking; it counts as <see cref="Background"/>.</remarks>
    public const float InkThreshold = 0.3f;

    /// <summary>Make <paramref name="count"/> sequences of <paramref name="options"/>.NumFrames frames from <paramref name="digits"/>.</summary>
    /// <param name="digits">MNIST images (N, 1, 28, 28) in [0, 1]; each sequence uses randomly chosen ones.</param>
    /// <param name="count">Number of sequences.</param>
    /// <param name="options">Frame size, digit size, speeds, frames per sequence, seed (defaults: <see cref="MovingDigitsOptions"/>).</param>
    /// <param name="labels">The digits' classes (N) int64, e.g. <c>Mnist.Split().Train.Labels</c>; when given, the set carries
    /// <see cref="MovingDigitsSet.LabelMaps"/>, each pixel's class for semantic segmentation (null: no label maps).</param>
    /// <returns>Frames (count, T, 1, S, S) in [0, 1] with the trajectories that made them.</returns>
    /// <exception cref="ArgumentException">The digits' shape or an option does not fit, or the labels are not one class 0–9 per digit (the message names it).</exception>
    public static MovingDigitsSet Generate(Tensor digits, int count, MovingDigitsOptions? options = null, Tensor? labels = null)
    {
        options ??= new MovingDigitsOptions();
        options.Validate();
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, $"count must be at least 1, got {count}.");
        long[]? classes = labels is null ? null : Classes(labels, digits);
        int s = options.FrameSize, d = options.DigitSize, t = options.NumFrames, k = options.DigitsPerSequence, max = s - d;
        float[] patches;
        long available;
        using (var scope = torch.NewDisposeScope())
        {
            var small = Shrink(digits, d);                                                    // (N, 1, d, d)
            available = small.shape[0];
            patches = small.contiguous().cpu().data<float>().ToArray();
        }
        if (available == 0) throw new ArgumentException("MovingDigits needs at least one digit; got none.", nameof(digits));

        var random = new Random(options.Seed);
        var positions = new int[count, k, t, 2];                                              // (sequence, digit, frame, row/column)
        var velocities = new int[count, k, t, 2];
        var chosen = new int[count, k];
        var frames = new float[(long)count * t * s * s];
        var maps = classes is null ? null : new long[frames.LongLength];                     // (N, T, S, S) class of each pixel
        if (maps is not null) Array.Fill(maps, (long)Background);
        for (int n = 0; n < count; n++)
            for (int j = 0; j < k; j++)
            {
                chosen[n, j] = random.Next((int)available);
                int[] p = [random.Next(max + 1), random.Next(max + 1)];
                int[] v = [Speed(random, options.MaxSpeed), Speed(random, options.MaxSpeed)];
                for (int f = 0; f < t; f++)
                {
                    if (f > 0)
                        for (int axis = 0; axis < 2; axis++)
                            (p[axis], v[axis]) = Bounce(p[axis], v[axis], max);
                    positions[n, j, f, 0] = p[0]; positions[n, j, f, 1] = p[1];
                    velocities[n, j, f, 0] = v[0]; velocities[n, j, f, 1] = v[1];
                    Paste(patches, chosen[n, j] * d * d, d, frames, ((long)n * t + f) * s * s, s, p[0], p[1],
                          maps, classes is null ? 0 : classes[chosen[n, j]]);
                }
            }

        using var outer = torch.NewDisposeScope();
        var tensorFrames = torch.tensor(frames, [count, t, 1, s, s]);                        // (N, T, 1, S, S)
        var labelMaps = maps is null ? null : torch.tensor(maps, [count, t, s, s]).DetachFromDisposeScope(); // (N, T, S, S) int64
        return new MovingDigitsSet(tensorFrames.DetachFromDisposeScope(), positions, velocities, chosen, options) { LabelMaps = labelMaps };
    }

    /// <summary>The labels as one class 0–9 per digit, checked against the digits.</summary>
    private static long[] Classes(Tensor labels, Tensor digits)
    {
        if (labels.dim() != 1 || labels.shape[0] != digits.shape[0])
            throw new ArgumentException($"labels must hold one class per digit, shaped ({digits.shape[0]}); got {ShapeText.Of(labels)}.", nameof(labels));
        var classes = labels.to_type(ScalarType.Int64).cpu().data<long>().ToArray();
        if (classes.Any(c => c is < 0 or > 9))
            throw new ArgumentException($"labels must be digit classes 0–9; found {classes.First(c => c is < 0 or > 9)}.", nameof(labels));
        return classes;
    }

    /// <summary>A speed of 1…<paramref name="maxSpeed"/> pixels per frame in a random direction.</summary>
    private static int Speed(Random random, int maxSpeed) => random.Next(1, maxSpeed + 1) * (random.Next(2) == 0 ? -1 : 1);

    /// <summary>
    /// Draw a d×d patch with its top-left corner at (row, column), keeping the brighter pixel where digits overlap; where
    /// <paramref name="maps"/> is given, a pixel this digit wins with at least <see cref="InkThreshold"/> of ink gets its class.
    /// </summary>
    private static void Paste(float[] patches, int patchStart, int d, float[] frames, long frameStart, int s, int row, int column,
                              long[]? maps, long digitClass)
    {
        for (int r = 0; r < d; r++)
            for (int c = 0; c < d; c++)
            {
                long at = frameStart + (long)(row + r) * s + column + c;
                float ink = patches[patchStart + r * d + c];
                if (ink > frames[at])
                {
                    frames[at] = ink;
                    if (maps is not null && ink >= InkThreshold) maps[at] = digitClass;
                }
            }
    }
}
