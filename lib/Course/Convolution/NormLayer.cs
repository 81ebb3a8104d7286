using static TorchSharp.torch;

namespace Course.Convolution;

/// <summary>AlexNet's local response normalisation: same output volume, no parameters.</summary>
/// <remarks>Seed 001 (Lecture 11), AlexNet slide: "NORM1: Normalization layer" ("not common anymore"). Notebook 02-convolution-arithmetic.</remarks>
/// <param name="Name">Layer name.</param>
/// <param name="Size">Neighbouring channels normalised together (5 in AlexNet).</param>
public sealed record NormLayer(string Name, int Size = 5) : Layer(Name)
{
    /// <inheritdoc/>
    public override Volume Output(Volume input) => input;

    /// <inheritdoc/>
    public override string Description => $"response normalisation, {Size} channels";

    /// <inheritdoc/>
    public override nn.Module<Tensor, Tensor> ToModule(Device? device = null) => nn.LocalResponseNorm(Size);
}
