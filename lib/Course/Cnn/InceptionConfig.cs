namespace Course.Cnn;

/// <summary>The widths of an Inception module's four branches, and the parameters and multiply-accumulates they cost with and without the 1×1 reductions.</summary>
/// <remarks>
/// Seed 001, "GoogleNet – 22 layers": the slide shows Figure 2(b) of C. Szegedy et al., Going Deeper with Convolutions
/// (CVPR 2015), "Inception module with dimensionality reduction". Without reductions (the paper's Figure 2(a), the naive
/// module) the 3×3 and 5×5 filters see every input channel and the pooling branch passes all of them on; with them, a
/// 1×1 convolution first shrinks the depth to <see cref="ThreeReduce"/> or <see cref="FiveReduce"/>, and a 1×1
/// projection follows the pooling. Field names follow the paper's Table 1 (#1×1, #3×3 reduce, #3×3, #5×5 reduce, #5×5,
/// pool proj). Notebook 04b-modern-cnn prints the table for <see cref="Inception3a"/>.
/// </remarks>
/// <param name="InChannels">Depth of the input.</param>
/// <param name="Ones">Filters of the 1×1 branch (#1×1).</param>
/// <param name="ThreeReduce">1×1 filters before the 3×3 convolution (#3×3 reduce).</param>
/// <param name="Three">3×3 filters (#3×3).</param>
/// <param name="FiveReduce">1×1 filters before the 5×5 convolution (#5×5 reduce).</param>
/// <param name="Five">5×5 filters (#5×5).</param>
/// <param name="PoolProj">1×1 filters after the 3×3 max pooling (pool proj).</param>
public sealed record InceptionConfig(int InChannels, int Ones, int ThreeReduce, int Three, int FiveReduce, int Five, int PoolProj)
{
    /// <summary>GoogLeNet's first Inception module, inception (3a): a 28×28×192 input, branches 64, 96→128, 16→32 and pool→32, 256 output channels (Szegedy et al. 2015, Table 1).</summary>
    public static InceptionConfig Inception3a => new(192, 64, 96, 128, 16, 32, 32);

    /// <summary>The spatial size inception (3a) works on: 28×28 (Szegedy et al. 2015, Table 1).</summary>
    public const int Inception3aSize = 28;

    /// <summary>Output depth: the four branches' channels concatenated (with reductions <c>#1×1 + #3×3 + #5×5 + pool proj</c>; without, the pooling branch passes all <see cref="InChannels"/> on).</summary>
    public int OutputChannels(bool reductions = true) => Ones + Three + Five + (reductions ? PoolProj : InChannels);

    /// <summary>Every convolution of the module, branch by branch (the pooling has no weights).</summary>
    /// <param name="reductions">With the 1×1 reductions and pool projection (Figure 2(b)), or without them (Figure 2(a)).</param>
    /// <exception cref="ArgumentOutOfRangeException">A width is not positive (the message names it).</exception>
    public IReadOnlyList<BranchConv> Convolutions(bool reductions = true)
    {
        Validate();
        return reductions
            ? [new("1×1", 1, InChannels, Ones),
               new("3×3 reduce", 1, InChannels, ThreeReduce), new("3×3", 3, ThreeReduce, Three),
               new("5×5 reduce", 1, InChannels, FiveReduce), new("5×5", 5, FiveReduce, Five),
               new("pool proj", 1, InChannels, PoolProj)]
            : [new("1×1", 1, InChannels, Ones), new("3×3", 3, InChannels, Three), new("5×5", 5, InChannels, Five)];
    }

    /// <summary>Weights and biases of the module: the sum of <see cref="BranchConv.Parameters"/>.</summary>
    public long Parameters(bool reductions = true) => Convolutions(reductions).Sum(c => c.Parameters);

    /// <summary>Multiply-accumulates of one forward pass on a <paramref name="height"/>×<paramref name="width"/> input: the sum of <see cref="BranchConv.MultiplyAccumulates"/>.</summary>
    public long MultiplyAccumulates(int height, int width, bool reductions = true) =>
        Convolutions(reductions).Sum(c => c.MultiplyAccumulates(height, width));

    private void Validate()
    {
        foreach (var (name, value) in new[] { (nameof(InChannels), InChannels), (nameof(Ones), Ones), (nameof(ThreeReduce), ThreeReduce),
                                              (nameof(Three), Three), (nameof(FiveReduce), FiveReduce), (nameof(Five), Five), (nameof(PoolProj), PoolProj) })
            if (value < 1)
                throw new ArgumentOutOfRangeException(name, value, $"InceptionConfig.{name} must be at least 1, got {value}.");
    }
}
