using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Course.Notebooks.Benchmark;

/// <summary>Floating-point operations of the work <c>course bench</c> times, counted from the layer sizes.</summary>
/// <remarks>
/// A multiply and an add count as two operations, the convention behind GFLOP/s figures. Seed 001, "The convolutional
/// layer", counts a layer's work the same way (weights × outputs); the lecture AE's layers are in seed 003, "實作 Encoder".
/// </remarks>
public static class FlopCount
{
    /// <summary>Operations of one <c>n×n</c> by <c>n×n</c> matrix product: <c>2·n³</c> (n³ multiplies, n³ adds).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is less than 1.</exception>
    public static double Matmul(int n)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, $"The matrix size must be at least 1, got {n}.");
        return 2.0 * n * n * n;
    }

    /// <summary>
    /// Training operations per sample of a stack of fully connected layers: <c>3 · 2 · Σ in·out</c> over its Linear layers.
    /// </summary>
    /// <remarks>
    /// The forward pass of <c>Linear(in, out)</c> multiplies a row by an (in × out) weight: <c>2·in·out</c> operations. The
    /// backward pass does the same work twice, once for the weight gradient (<c>xᵀ·δ</c>) and once for the input gradient
    /// (<c>δ·W</c>), so forward + backward ≈ 3 × forward. Biases, activations, the loss and the optimiser step are O(out)
    /// and left out, as is the first layer's input gradient that autograd skips; the count is the usual approximation.
    /// For the lecture AE 784→256→128→64→2 and its mirror: Σ in·out = 2 · 241,792 = 483,584, so 2,901,504 per sample.
    /// </remarks>
    /// <param name="layers">The (in, out) sizes of each Linear layer.</param>
    /// <exception cref="ArgumentException">A size is less than 1.</exception>
    public static double LinearTrainingPerSample(IEnumerable<(long In, long Out)> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        double sum = 0;
        foreach (var (inFeatures, outFeatures) in layers)
        {
            if (inFeatures < 1 || outFeatures < 1)
                throw new ArgumentException($"A Linear layer needs sizes of at least 1, got in={inFeatures}, out={outFeatures}.", nameof(layers));
            sum += (double)inFeatures * outFeatures;
        }
        return 3 * 2 * sum;
    }

    /// <summary>Training operations per sample of <paramref name="net"/>, counting every <c>Linear</c> layer in it (see the other overload).</summary>
    /// <exception cref="ArgumentException">The network has no Linear layer.</exception>
    public static double LinearTrainingPerSample(nn.Module net)
    {
        ArgumentNullException.ThrowIfNull(net);
        var layers = LinearLayers(net).ToList();
        if (layers.Count == 0)
            throw new ArgumentException($"{net.GetType().Name} has no Linear layer, so there is nothing to count.", nameof(net));
        return LinearTrainingPerSample(layers);
    }

    /// <summary>The (in, out) sizes of each <c>Linear</c> layer of <paramref name="net"/>, in registration order.</summary>
    public static IEnumerable<(long In, long Out)> LinearLayers(nn.Module net)
    {
        ArgumentNullException.ThrowIfNull(net);
        return net.modules().OfType<Linear>().Select(l => (l.weight!.shape[1], l.weight!.shape[0])); // weight (out, in)
    }
}
