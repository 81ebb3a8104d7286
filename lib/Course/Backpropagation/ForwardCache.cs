using static TorchSharp.torch;

namespace Course.Backpropagation;

/// <summary>What the forward pass of a <see cref="TwoLayerNetwork"/> keeps for its backward pass.</summary>
/// <remarks>
/// Seed 001 (Lecture 11), "Review: ANN": every factor of ∂J/∂w₁ = ∂J/∂ŷ · ∂ŷ/∂z₁ · ∂z₁/∂w₁ is evaluated at the forward
/// pass's values, so the forward pass stores them (this is the memory that backpropagation costs). Notebook 01b-backpropagation.
/// </remarks>
/// <param name="X">The inputs x, (B, m).</param>
/// <param name="Z">Pre-activations z = x W⁽¹⁾ + b⁽¹⁾, (B, d₁).</param>
/// <param name="H">Hidden outputs g(z), (B, d₁).</param>
/// <param name="Logits">s = g(z) W⁽²⁾ + b⁽²⁾, (B, C).</param>
/// <param name="P">ŷ = softmax(s), (B, C).</param>
public sealed record ForwardCache(Tensor X, Tensor Z, Tensor H, Tensor Logits, Tensor P);
