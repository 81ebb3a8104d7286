using static TorchSharp.torch;

namespace Course.Convolution;

/// <summary>A fully connected layer on the flattened input volume: In·Out weights and Out biases.</summary>
/// <remarks>Seed 001 (Lecture 11), "Fully connected layer" and the FC rows of the AlexNet and VGG16 slides
/// (7×7×512×4096 = 102,760,448 weights). Notebook 02-convolution-arithmetic.</remarks>
/// <param name="Name">Layer name.</param>
/// <param name="InFeatures">W·H·D of the input volume it expects.</param>
/// <param name="OutFeatures">Number of neurons.</param>
public sealed record FullyConnectedLayer(string Name, int InFeatures, int OutFeatures) : Layer(Name)
{
    /// <inheritdoc/>
    public override Volume Output(Volume input)
    {
        Validate();
        if (input.Count != InFeatures)
            throw new ArgumentException(
                $"{Name}: expects {InFeatures} input features but its input {input} flattens to {input.Count}.", nameof(input));
        return Volume.Vector(OutFeatures);
    }

    /// <inheritdoc/>
    public override long Weights { get { Validate(); return (long)InFeatures * OutFeatures; } }

    /// <inheritdoc/>
    public override long Biases => OutFeatures;

    /// <inheritdoc/>
    public override string Description => $"{OutFeatures} neurons";

    /// <inheritdoc/>
    public override nn.Module<Tensor, Tensor> ToModule(Device? device = null)
    {
        Validate();
        return nn.Sequential(nn.Flatten(), nn.Linear(InFeatures, OutFeatures, device: device));   // (B, C, H, W) → (B, In) → (B, Out)
    }

    private void Validate()
    {
        RequirePositive(InFeatures, nameof(InFeatures));
        RequirePositive(OutFeatures, nameof(OutFeatures));
    }
}
