using static TorchSharp.torch;

namespace Course.Backpropagation;

/// <summary>An <see cref="Activation"/> applied to a tensor, and its derivative for the backward pass.</summary>
/// <remarks>
/// Seed 001 (Lecture 11), "Review: Perceptron" (g) and "Review: ANN" (∂ŷ/∂z₁ holds g′). Each derivative is written in
/// terms of what the forward pass already computed (σ′ = h(1 − h), tanh′ = 1 − h²), so the backward pass of
/// <see cref="TwoLayerNetwork"/> reuses its cache. Notebook 01b-backpropagation.
/// </remarks>
public static class Activations
{
    /// <summary>h = g(z), element by element.</summary>
    public static Tensor Apply(this Activation g, Tensor z)
    {
        ArgumentNullException.ThrowIfNull(z);
        return g switch
        {
            Activation.Sigmoid => z.sigmoid(),
            Activation.Tanh => z.tanh(),
            Activation.Relu => z.relu(),
            _ => throw new ArgumentOutOfRangeException(nameof(g), $"Unknown activation {g}; use Sigmoid, Tanh or Relu."),
        };
    }

    /// <summary>g′(z), element by element, from the pre-activation <paramref name="z"/> and the output <paramref name="h"/> = g(z).</summary>
    public static Tensor Derivative(this Activation g, Tensor z, Tensor h)
    {
        ArgumentNullException.ThrowIfNull(z);
        ArgumentNullException.ThrowIfNull(h);
        return g switch
        {
            Activation.Sigmoid => h * (1 - h),
            Activation.Tanh => 1 - h * h,
            Activation.Relu => z.gt(0).to_type(z.dtype),
            _ => throw new ArgumentOutOfRangeException(nameof(g), $"Unknown activation {g}; use Sigmoid, Tanh or Relu."),
        };
    }
}
