using TorchSharp;
using static TorchSharp.torch;

namespace Course.Data;

/// <summary>Make the digit variants of Rifai et al.'s second table from the bundled digits: rotated, on a noise background, and rectangles.</summary>
/// <remarks>
/// Seed 004 (DL Seminar), the data sets under the table: "rot: digits with added random rotation", "bg-rand: digits with
/// random noise background", "rect: tall and wide rectangles"; Larochelle et al. (ICML 2007) built them from MNIST the
/// same way. Batched tensor operations: a rotation is one <c>affine_grid</c> + <c>grid_sample</c> for the whole batch.
/// Notebook 08b-pretraining.
/// </remarks>
public static class DigitVariants
{
    /// <summary>The short name of a variant as in the paper's table: basic, rot, bg-rand, rect.</summary>
    public static string Name(DigitVariant variant) => variant switch
    {
        DigitVariant.Basic => "basic",
        DigitVariant.Rotated => "rot",
        DigitVariant.RandomBackground => "bg-rand",
        DigitVariant.Rectangles => "rect",
        _ => throw new ArgumentException($"Unknown digit variant {variant}; use Basic, Rotated, RandomBackground or Rectangles.", nameof(variant)),
    };

    /// <summary>Turn each image (N, 1, H, W) counter-clockwise by its angle (N) in radians about the image centre; what leaves the frame is lost, what enters is 0.</summary>
    /// <param name="images">Images (N, 1, H, W).</param>
    /// <param name="angles">One angle per image (N), radians; a multiple of π/2 moves pixels exactly.</param>
    /// <returns>(N, 1, H, W), bilinear interpolation.</returns>
    /// <exception cref="ArgumentException">The shapes do not fit: images (N, C, H, W) and angles (N).</exception>
    public static Tensor Rotate(Tensor images, Tensor angles)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(angles);
        if (images.dim() != 4 || angles.dim() != 1 || angles.shape[0] != images.shape[0])
            throw new ArgumentException($"Rotate needs images (N, C, H, W) and one angle per image (N); got images {Training.ShapeText.Of(images)} and angles {Training.ShapeText.Of(angles)}.", nameof(angles));
        using var scope = torch.NewDisposeScope();
        var a = angles.to_type(images.dtype);
        var (cos, sin) = (a.cos(), a.sin());
        var zero = torch.zeros_like(a);
        // grid_sample reads output pixel p from input p' = θ p (coordinates in [−1, 1], y pointing down): θ turns the other way.
        var theta = torch.stack([cos, -sin, zero, sin, cos, zero], 1).reshape(-1, 2, 3);          // (N, 2, 3)
        var grid = nn.functional.affine_grid(theta, images.shape, align_corners: false);            // (N, H, W, 2)
        return nn.functional.grid_sample(images, grid, align_corners: false).MoveToOuterDisposeScope();
    }

    /// <summary><i>rot</i>: each image turned by an angle drawn uniformly from [0, 2π).</summary>
    /// <param name="images">Images (N, 1, H, W).</param>
    /// <param name="generator">Random source for the angles.</param>
    public static Tensor RandomRotation(Tensor images, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(images);
        using var scope = torch.NewDisposeScope();
        var angles = torch.rand(images.shape[0], generator: generator) * (2 * Math.PI);              // (N)
        return Rotate(images, angles).MoveToOuterDisposeScope();
    }

    /// <summary><i>bg-rand</i>: every pixel becomes max(digit, u) with u uniform in [0, 1], so the digit stays on top of the noise.</summary>
    /// <param name="images">Images of any shape, values in [0, 1].</param>
    /// <param name="generator">Random source for the noise.</param>
    public static Tensor RandomBackground(Tensor images, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(images);
        using var scope = torch.NewDisposeScope();
        var noise = torch.rand(images.shape, images.dtype, images.device, generator: generator);     // same shape as images
        return torch.maximum(images, noise).MoveToOuterDisposeScope();
    }

    /// <summary>Training and test sets of one variant: digits from <see cref="Mnist.Split"/> transformed, or fresh rectangles.</summary>
    /// <param name="variant">Which data set.</param>
    /// <param name="trainCount">Training images (stratified digits, or rectangles).</param>
    /// <param name="testCount">Test images.</param>
    /// <param name="seed">Seed of the split, the rotations, the noise and the rectangles.</param>
    /// <exception cref="ArgumentOutOfRangeException">The counts are less than 1 or exceed the bundled digits.</exception>
    public static (MnistData Train, MnistData Test) Make(DigitVariant variant, int trainCount, int testCount, int seed = 0)
    {
        if (trainCount < 1 || testCount < 1)
            throw new ArgumentOutOfRangeException(nameof(trainCount), $"Make needs at least one training and one test image; got trainCount {trainCount}, testCount {testCount}.");
        if (variant == DigitVariant.Rectangles)
        {
            var random = new Random(seed);
            return (Rectangles.Generate(trainCount, random), Rectangles.Generate(testCount, random));
        }
        var (train, test) = Mnist.Split(seed, trainCount, testCount);
        if (variant == DigitVariant.Basic) return (train, test);
        var generator = new Generator((ulong)seed + 1);
        Func<Tensor, Tensor> transform = variant switch
        {
            DigitVariant.Rotated => x => RandomRotation(x, generator),
            DigitVariant.RandomBackground => x => RandomBackground(x, generator),
            _ => throw new ArgumentException($"Unknown digit variant {variant}; use Basic, Rotated, RandomBackground or Rectangles.", nameof(variant)),
        };
        return (Transformed(train, transform), Transformed(test, transform));
    }

    private static MnistData Transformed(MnistData data, Func<Tensor, Tensor> transform)
    {
        using var scope = torch.NewDisposeScope();
        var images = transform(data.Images).contiguous();                                            // (N, 1, 28, 28)
        return new MnistData(images.DetachFromDisposeScope(), data.Labels);
    }
}
