using static TorchSharp.torch;

namespace Course.Backpropagation;

/// <summary>∂L/∂ of each weight of a <see cref="TwoLayerNetwork"/>, shaped like the weight.</summary>
/// <remarks>
/// Seed 001 (Lecture 11), "Review: ANN": "repeat this for every weight in the network". Made by
/// <see cref="TwoLayerNetwork.Backward"/> (by hand) and <see cref="TwoLayerModule.Gradients"/> (autograd), so notebook
/// 01b-backpropagation can compare the two with <see cref="MaxAbsDifference"/>.
/// </remarks>
/// <param name="W1">∂L/∂W⁽¹⁾, (m, d₁).</param>
/// <param name="B1">∂L/∂b⁽¹⁾, (d₁).</param>
/// <param name="W2">∂L/∂W⁽²⁾, (d₁, C).</param>
/// <param name="B2">∂L/∂b⁽²⁾, (C).</param>
public sealed record NetworkGradients(Tensor W1, Tensor B1, Tensor W2, Tensor B2)
{
    /// <summary>The four gradients in the order W⁽¹⁾, b⁽¹⁾, W⁽²⁾, b⁽²⁾.</summary>
    public IReadOnlyList<Tensor> All => [W1, B1, W2, B2];

    /// <summary>The largest |difference| between corresponding entries of these gradients and <paramref name="other"/>'s.</summary>
    /// <exception cref="ArgumentException">A gradient's shape differs (the message names it).</exception>
    public double MaxAbsDifference(NetworkGradients other)
    {
        ArgumentNullException.ThrowIfNull(other);
        using var scope = NewDisposeScope();
        string[] names = ["W1", "B1", "W2", "B2"];
        double worst = 0;
        for (int i = 0; i < 4; i++)
        {
            var (mine, theirs) = (All[i], other.All[i]);
            if (!mine.shape.SequenceEqual(theirs.shape))
                throw new ArgumentException(
                    $"NetworkGradients: {names[i]} has shape ({string.Join(", ", mine.shape)}) here and ({string.Join(", ", theirs.shape)}) in the other; compare gradients of the same network.", nameof(other));
            worst = Math.Max(worst, (mine.to_type(ScalarType.Float64) - theirs.to_type(ScalarType.Float64)).abs().max().item<double>());
        }
        return worst;
    }
}
