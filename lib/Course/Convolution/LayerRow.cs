namespace Course.Convolution;

/// <summary>One computed row: the layer, its output volume, activations, weights, biases.</summary>
/// <remarks>Seed 001 (Lecture 11), the VGG16 slide's columns (output, memory, params). Notebook 02-convolution-arithmetic.</remarks>
/// <param name="Layer">The layer.</param>
/// <param name="Input">The volume it receives.</param>
/// <param name="Output">The volume it produces.</param>
public sealed record LayerRow(Layer Layer, Volume Input, Volume Output)
{
    /// <summary>Values in the output volume (the lecture's "memory").</summary>
    public long Activations => Output.Count;

    /// <summary>Weights without biases (the lecture's "params").</summary>
    public long Weights => Layer.Weights;

    /// <summary>Biases.</summary>
    public long Biases => Layer.Biases;

    /// <summary>Weights + biases.</summary>
    public long Parameters => Layer.Parameters;
}
