namespace Course.Backpropagation;

/// <summary>The non-linear activation g of the hidden layer of a <see cref="TwoLayerNetwork"/>.</summary>
/// <remarks>
/// Seed 001 (Lecture 11), "Review: Perceptron": ŷ = g(w₀ + Σ xᵢwᵢ), "non-linear activation function". The backward
/// pass needs g′ (<see cref="Activations.Derivative"/>). Notebook 01b-backpropagation.
/// </remarks>
public enum Activation
{
    /// <summary>σ(z) = 1 / (1 + e⁻ᶻ), the perceptron slide's g; σ′ = σ(1 − σ) ≤ ¼.</summary>
    Sigmoid,

    /// <summary>tanh z; tanh′ = 1 − tanh² ≤ 1.</summary>
    Tanh,

    /// <summary>max(0, z); the derivative is 1 where z &gt; 0, else 0.</summary>
    Relu,
}
