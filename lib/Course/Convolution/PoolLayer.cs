using static TorchSharp.torch;

namespace Course.Convolution;

/// <summary>A max-pooling layer: F×F windows at stride S over each depth slice; no parameters.</summary>
/// <remarks>Seed 001 (Lecture 11), "The pooling layer": W2 = (W1 − F)/S + 1, D2 = D1, zero parameters. Notebook 02-convolution-arithmetic.</remarks>
/// <param name="Name">Layer name.</param>
/// <param name="KernelSize">F.</param>
/// <param name="Stride">S.</param>
public sealed record PoolLayer(string Name, int KernelSize, int Stride) : Layer(Name)
{
    /// <inheritdoc/>
    public override Volume Output(Volume input)
    {
        try
        {
            return new Volume(ConvArithmetic.PoolOutputSize(input.Width, KernelSize, Stride),
                              ConvArithmetic.PoolOutputSize(input.Height, KernelSize, Stride), input.Depth);
        }
        catch (ArgumentException e)
        {
            throw OnInput(input, e);
        }
    }

    /// <inheritdoc/>
    public override string Description => $"max pool {KernelSize}×{KernelSize}, S={Stride}";

    /// <inheritdoc/>
    public override nn.Module<Tensor, Tensor> ToModule(Device? device = null) => nn.MaxPool2d(KernelSize, Stride);
}
