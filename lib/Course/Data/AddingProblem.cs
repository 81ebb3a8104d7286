using Course.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Course.Data;

/// <summary>The adding problem: remember two marked numbers among T and output their sum.</summary>
/// <remarks>
/// Hochreiter &amp; Schmidhuber, Long Short-Term Memory, Neural Computation 9(8), 1997, experiment 4, in the form used by
/// Le, Jaitly &amp; Hinton (2015) and Arjovsky, Shah &amp; Bengio (2016): values uniform in [0, 1), one marker in the first
/// half, one in the second half. Always answering 1 (the mean of the sum) scores MSE 1/6 (the variance of a sum of two
/// uniforms), so a network must beat <see cref="BaselineMse"/> to show it remembers anything.
/// Seed 001 (Lecture 11), "Sequence modeling: track long-term dependencies". Notebook 05-rnn-lstm.
/// </remarks>
public static class AddingProblem
{
    /// <summary>The MSE of always predicting 1: Var(U₁ + U₂) = 2 · 1/12 = 1/6.</summary>
    public const double BaselineMse = 1.0 / 6.0;

    /// <summary>Draw <paramref name="count"/> sequences of <paramref name="length"/> steps.</summary>
    /// <param name="count">Sequences (N).</param>
    /// <param name="length">Steps per sequence (T ≥ 2).</param>
    /// <param name="seed">Seed: the same seed gives the same sequences.</param>
    /// <exception cref="ArgumentOutOfRangeException">count is below 1 or length below 2.</exception>
    public static AddingData Make(long count, long length, long seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 2);
        using var scope = torch.NewDisposeScope();
        using var generator = new torch.Generator((ulong)seed);
        long half = length / 2;
        var values = torch.rand(count, length, generator: generator);                        // (N, T)
        var first = torch.randint(0, half, [count, 1], generator: generator);                // (N, 1) in [0, T/2)
        var second = torch.randint(half, length, [count, 1], generator: generator);          // (N, 1) in [T/2, T)
        var data = FromMarkers(values, torch.cat([first, second], 1));
        return new AddingData(data.X.MoveToOuterDisposeScope(), data.y.MoveToOuterDisposeScope());
    }

    /// <summary>Build the batch from given values and marked positions: the marker channel and the targets.</summary>
    /// <param name="values">(N, T) numbers.</param>
    /// <param name="positions">(N, 2) int64: the two marked steps of each sequence (distinct, in [0, T)).</param>
    /// <returns>X (N, T, 2) = [value, marker] per step, y (N) = sum of the marked values.</returns>
    /// <exception cref="ArgumentException">The shapes do not fit or a position is outside [0, T).</exception>
    public static AddingData FromMarkers(Tensor values, Tensor positions)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(positions);
        if (values.dim() != 2 || positions.dim() != 2 || positions.shape[1] != 2 || positions.shape[0] != values.shape[0])
            throw new ArgumentException($"Expected values (N, T) and positions (N, 2), but got values {ShapeText.Of(values)} and positions {ShapeText.Of(positions)}.", nameof(positions));
        long T = values.shape[1];
        if (positions.numel() > 0 && (positions.min().item<long>() < 0 || positions.max().item<long>() >= T))
            throw new ArgumentException($"Marker positions must lie in [0, {T}); got {positions.min().item<long>()} … {positions.max().item<long>()}.", nameof(positions));
        using var scope = torch.NewDisposeScope();
        var index = positions.to(ScalarType.Int64);
        var markers = torch.zeros_like(values).scatter_(1, index, torch.ones(index.shape, dtype: values.dtype)); // (N, T): 1 at the two steps
        var X = torch.stack([values, markers], 2);                                             // (N, T, 2)
        var y = (values * markers).sum(1);                                                      // (N)
        return new AddingData(X.MoveToOuterDisposeScope(), y.MoveToOuterDisposeScope());
    }
}
