using static TorchSharp.torch;

namespace Course.Convolution;

/// <summary>One row of an architecture table: a layer that maps an input volume to an output volume.</summary>
/// <remarks>
/// Seed 001 (Lecture 11), the AlexNet and VGG16 slides list networks layer by layer ([55x55x96] CONV1: 96 11x11 filters at
/// stride 4, pad 0). <see cref="LayerTable"/> chains layers; <see cref="ToModule"/> builds the same layer in TorchSharp.
/// Notebook 02-convolution-arithmetic.
/// </remarks>
/// <param name="Name">The lecture's name for the layer (CONV1, POOL1, FC6).</param>
public abstract record Layer(string Name)
{
    /// <summary>The output volume for <paramref name="input"/>.</summary>
    /// <exception cref="ArgumentException">The input does not fit the layer (channels, features or sizes).</exception>
    public abstract Volume Output(Volume input);

    /// <summary>Weights (without biases).</summary>
    public virtual long Weights => 0;

    /// <summary>Biases.</summary>
    public virtual long Biases => 0;

    /// <summary>Weights + biases.</summary>
    public long Parameters => Weights + Biases;

    /// <summary>The layer's hyper-parameters, short ("96 filters 11×11, S=4, P=0").</summary>
    public abstract string Description { get; }

    /// <summary>The same layer as a TorchSharp module (created on <paramref name="device"/>; <c>torch.META</c> allocates no memory).</summary>
    public abstract nn.Module<Tensor, Tensor> ToModule(Device? device = null);

    /// <summary>An error about <paramref name="input"/> that starts with the layer's name and keeps <paramref name="inner"/>'s explanation.</summary>
    protected ArgumentException OnInput(Volume input, ArgumentException inner)
    {
        var reason = inner.ParamName is null ? inner.Message : inner.Message.Replace($" (Parameter '{inner.ParamName}')", "", StringComparison.Ordinal);
        return new ArgumentException($"{Name} on {input}: {reason}", inner);
    }

    /// <summary>Throw unless <paramref name="value"/> is positive, naming the layer and the value.</summary>
    protected void RequirePositive(int value, string what)
    {
        if (value <= 0) throw new ArgumentException($"{Name}: {what} = {value} must be a positive integer.", what);
    }
}
