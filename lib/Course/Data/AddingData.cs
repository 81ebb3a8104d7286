using static TorchSharp.torch;

namespace Course.Data;

/// <summary>Sequences of the adding problem: inputs (N, T, 2) and targets (N).</summary>
/// <param name="X">(N, T, 2): feature 0 a value in [0, 1), feature 1 the marker (1 at the two marked steps, else 0).</param>
/// <param name="y">(N): the sum of the two marked values.</param>
public sealed record AddingData(Tensor X, Tensor y)
{
    /// <summary>Number of sequences.</summary>
    public long Count => X.shape[0];

    /// <summary>Steps per sequence (T).</summary>
    public long Length => X.shape[1];
}
