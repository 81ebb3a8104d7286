using static TorchSharp.torch;

namespace Course.Convolution;

/// <summary>A convolution layer: K filters of F×F×D1, stride S, zero padding P; (F·F·D1 + 1)·K parameters.</summary>
/// <remarks>Seed 001 (Lecture 11), "Summary … the Conv Layer". Notebook 02-convolution-arithmetic.</remarks>
/// <param name="Name">Layer name.</param>
/// <param name="InChannels">D1, the depth the layer expects (PyTorch's <c>in_channels</c>).</param>
/// <param name="Filters">K, the number of filters = output depth (PyTorch's <c>out_channels</c>).</param>
/// <param name="KernelSize">F.</param>
/// <param name="Stride">S.</param>
/// <param name="Padding">P.</param>
public sealed record ConvLayer(string Name, int InChannels, int Filters, int KernelSize, int Stride = 1, int Padding = 0) : Layer(Name)
{
    /// <inheritdoc/>
    public override Volume Output(Volume input)
    {
        Validate();
        if (input.Depth != InChannels)
            throw new ArgumentException(
                $"{Name}: expects {InChannels} input channels but its input {input} has {input.Depth}; " +
                "the depth of a filter must equal the depth of the volume it slides over.", nameof(input));
        try
        {
            return new Volume(ConvArithmetic.OutputSize(input.Width, KernelSize, Stride, Padding),
                              ConvArithmetic.OutputSize(input.Height, KernelSize, Stride, Padding), Filters);
        }
        catch (ArgumentException e)
        {
            throw OnInput(input, e);
        }
    }

    /// <inheritdoc/>
    public override long Weights { get { Validate(); return ConvArithmetic.Weights(KernelSize, InChannels, Filters); } }

    /// <inheritdoc/>
    public override long Biases => Filters;

    /// <inheritdoc/>
    public override string Description => $"{Filters} filters {KernelSize}×{KernelSize}, S={Stride}, P={Padding}";

    /// <inheritdoc/>
    public override nn.Module<Tensor, Tensor> ToModule(Device? device = null)
    {
        Validate();
        return nn.Conv2d(InChannels, Filters, KernelSize, stride: Stride, padding: Padding, device: device);
    }

    private void Validate()
    {
        RequirePositive(InChannels, nameof(InChannels));
        RequirePositive(Filters, nameof(Filters));
        RequirePositive(KernelSize, nameof(KernelSize));
        RequirePositive(Stride, nameof(Stride));
        if (Padding < 0) throw new ArgumentException($"{Name}: Padding = {Padding} must not be negative.", nameof(Padding));
    }
}
