using TorchSharp;
using static TorchSharp.torch;

namespace Course.Data;

/// <summary>MNIST digits as tensors: images (N, 1, 28, 28) in [0, 1] and labels (N) in 0…9.</summary>
/// <remarks>
/// Returned by <see cref="Mnist.Load"/> and <see cref="Split"/>. The tensors are created outside any
/// dispose scope, so they live for the whole notebook even when made inside a caller's
/// <c>torch.NewDisposeScope()</c>; they are never disposed behind your back.
/// Used by notebooks 00-setup, 04-cnn-mnist (CNN input), 07-autoencoder (flat 784 input) and later.
/// </remarks>
public sealed record MnistData
{
    /// <summary>Wrap images (N, 1, 28, 28) float32 and labels (N) int64 as a dataset; shapes are checked.</summary>
    /// <remarks>Used by <see cref="Mnist.Load"/> and <see cref="Split"/> (notebooks 04-cnn-mnist, 07-autoencoder).</remarks>
    /// <exception cref="ArgumentException">The shapes or element types are not as described.</exception>
    public MnistData(Tensor images, Tensor labels)
    {
        if (images.dim() != 4 || images.shape[1] != 1 || images.shape[2] != Mnist.ImageSize || images.shape[3] != Mnist.ImageSize || images.dtype != ScalarType.Float32)
            throw new ArgumentException($"MnistData needs images of shape (N, 1, 28, 28) float32; got ({string.Join(", ", images.shape)}) {images.dtype}.", nameof(images));
        if (labels.dim() != 1 || labels.shape[0] != images.shape[0] || labels.dtype != ScalarType.Int64)
            throw new ArgumentException($"MnistData needs labels of shape ({images.shape[0]}) int64; got ({string.Join(", ", labels.shape)}) {labels.dtype}.", nameof(labels));

        Images = images;
        Labels = labels;
        Flat = images.view(images.shape[0], Mnist.ImageSize * Mnist.ImageSize).DetachFromDisposeScope(); // (N, 784)
    }

    /// <summary>The images, float32 of shape (N, 1, 28, 28), pixel byte / 255 so values lie in [0, 1].</summary>
    /// <remarks>The input of the CNN in notebook 04-cnn-mnist (channels first, as <c>Conv2d</c> expects).</remarks>
    public Tensor Images { get; }

    /// <summary>The digit of each image, int64 of shape (N), values 0…9.</summary>
    /// <remarks>Targets for <c>cross_entropy</c> in notebook 04-cnn-mnist; colours in the latent plots of 07-autoencoder.</remarks>
    public Tensor Labels { get; }

    /// <summary>The same pixels seen as rows of 784, float32 of shape (N, 784); a view, no copy.</summary>
    /// <remarks>The input of the fully connected autoencoders in notebooks 07-autoencoder to 10-vae.</remarks>
    public Tensor Flat { get; }

    /// <summary>The number of digits N.</summary>
    /// <remarks>Used for batch counts and summaries (notebooks 00-setup, 04-cnn-mnist).</remarks>
    public int Count => (int)Labels.shape[0];

    /// <summary>Split into a fixed, stratified train and test set; every class in the same proportion.</summary>
    /// <remarks>
    /// Deterministic for a given <paramref name="seed"/> and independent of TorchSharp's random state
    /// (see <see cref="StratifiedSplit.Indices"/>); the two sets are disjoint and keep file order.
    /// The bundled 10,000 digits give 8,000 / 2,000 with the defaults. Notebooks 04-cnn-mnist, 07-autoencoder and later.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The counts are negative or add up to more than <see cref="Count"/>.</exception>
    public (MnistData Train, MnistData Test) Split(int seed = 0, int trainCount = 8000, int testCount = 2000)
    {
        using var scope = NewDisposeScope();
        var cpuLabels = Labels.device_type == DeviceType.CPU ? Labels : Labels.cpu();
        var labels = cpuLabels.data<long>().Select(l => (int)l).ToArray();
        var (trainIndices, testIndices) = StratifiedSplit.Indices(labels, trainCount, testCount, seed);
        return (Select(trainIndices), Select(testIndices));
    }

    /// <summary>A short description for notebook output, e.g. "MnistData: 10,000 digits, Images (10000, 1, 28, 28) float32".</summary>
    /// <remarks>What a notebook cell shows when its last expression is the dataset (notebook 00-setup).</remarks>
    public override string ToString() =>
        $"MnistData: {Count:N0} digits, Images ({string.Join(", ", Images.shape)}) {Images.dtype}, Labels ({Labels.shape[0]}) {Labels.dtype}";

    private MnistData Select(int[] indices)
    {
        using var scope = NewDisposeScope();
        var index = tensor(indices.Select(i => (long)i).ToArray(), device: Images.device); // (M)
        var images = Images.index_select(0, index);                                         // (M, 1, 28, 28)
        var labels = Labels.index_select(0, index.to(Labels.device));                      // (M)
        return new MnistData(images.DetachFromDisposeScope(), labels.DetachFromDisposeScope());
    }
}
