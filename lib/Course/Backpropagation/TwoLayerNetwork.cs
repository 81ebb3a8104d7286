using Course.Losses;
using Course.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Course.Backpropagation;

/// <summary>The lecture's two-layer network with a hand-written backward pass: z = x W⁽¹⁾ + b⁽¹⁾, ŷ = softmax(g(z) W⁽²⁾ + b⁽²⁾).</summary>
/// <remarks>
/// Seed 001 (Lecture 11), "Review: ANN": <c>z_i = w⁽¹⁾_{0,i} + Σ_j x_j w⁽¹⁾_{j,i}</c> and
/// <c>ŷ_i = g(w⁽²⁾_{0,i} + Σ_j z_j w⁽²⁾_{j,i})</c>, written for a batch of rows: W⁽¹⁾ is (m, d₁) with entry (j, i) = w⁽¹⁾_{j,i}.
/// As in the lecture's figure, each hidden unit applies g before the second layer (without it the two layers would
/// collapse into one linear map); the output's g is softmax over C classes, scored by cross-entropy.
/// The weights are plain tensors (no <c>requires_grad</c>): <see cref="Forward"/> caches what
/// <see cref="Backward"/> needs, and Backward applies the chain rule as matrix products with autograd off:
/// <code>
/// ∂L/∂s  = (ŷ − y) / B                       (B, C)   SoftmaxCrossEntropy.Gradient
/// ∂L/∂W⁽²⁾ = g(z)ᵀ ∂L/∂s,  ∂L/∂b⁽²⁾ = Σ_rows ∂L/∂s
/// ∂L/∂h  = ∂L/∂s W⁽²⁾ᵀ                        (B, d₁)
/// ∂L/∂z  = ∂L/∂h ⊙ g′(z)                      (B, d₁)
/// ∂L/∂W⁽¹⁾ = xᵀ ∂L/∂z,     ∂L/∂b⁽¹⁾ = Σ_rows ∂L/∂z
/// </code>
/// <see cref="TwoLayerModule"/> is the same network under autograd. Notebook 01b-backpropagation trains both on the digits.
/// </remarks>
public sealed class TwoLayerNetwork
{
    /// <summary>A network with <paramref name="inputs"/> → <paramref name="hidden"/> → <paramref name="classes"/> units, initialised like <c>nn.Linear</c>: uniform ±1/√fan-in.</summary>
    /// <param name="inputs">m, features per input row (784 for a digit).</param>
    /// <param name="hidden">d₁, hidden units.</param>
    /// <param name="classes">C, output classes.</param>
    /// <param name="activation">The hidden layer's g.</param>
    /// <param name="generator">Random numbers for the weights (torch's global generator when null).</param>
    /// <param name="dtype">Float32, or Float64 for finite-difference checks.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1.</exception>
    public TwoLayerNetwork(int inputs, int hidden, int classes, Activation activation = Activation.Relu,
                           Generator? generator = null, ScalarType dtype = ScalarType.Float32)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(hidden, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        Activation = activation;
        double k1 = 1 / Math.Sqrt(inputs), k2 = 1 / Math.Sqrt(hidden);
        W1 = empty(inputs, hidden, dtype).uniform_(-k1, k1, generator).DetachFromDisposeScope();     // (m, d₁)
        B1 = empty(hidden, dtype).uniform_(-k1, k1, generator).DetachFromDisposeScope();             // (d₁)
        W2 = empty(hidden, classes, dtype).uniform_(-k2, k2, generator).DetachFromDisposeScope();    // (d₁, C)
        B2 = empty(classes, dtype).uniform_(-k2, k2, generator).DetachFromDisposeScope();            // (C)
    }

    private TwoLayerNetwork(Activation activation, Tensor w1, Tensor b1, Tensor w2, Tensor b2)
    {
        Activation = activation;
        (W1, B1, W2, B2) = (w1, b1, w2, b2);
    }

    /// <summary>W⁽¹⁾, (m, d₁): entry (j, i) weighs input j in hidden unit i.</summary>
    public Tensor W1 { get; }

    /// <summary>b⁽¹⁾ (the slide's w⁽¹⁾_{0,i}), (d₁).</summary>
    public Tensor B1 { get; }

    /// <summary>W⁽²⁾, (d₁, C).</summary>
    public Tensor W2 { get; }

    /// <summary>b⁽²⁾, (C).</summary>
    public Tensor B2 { get; }

    /// <summary>The hidden layer's g.</summary>
    public Activation Activation { get; }

    /// <summary>m, features per input row.</summary>
    public long Inputs => W1.shape[0];

    /// <summary>d₁, hidden units.</summary>
    public long Hidden => W1.shape[1];

    /// <summary>C, output classes.</summary>
    public long Classes => W2.shape[1];

    /// <summary>The four weights in the order W⁽¹⁾, b⁽¹⁾, W⁽²⁾, b⁽²⁾ (the order of <see cref="NetworkGradients.All"/>).</summary>
    public IReadOnlyList<Tensor> Parameters => [W1, B1, W2, B2];

    /// <summary>The forward pass of a batch, keeping every intermediate for <see cref="Backward"/>.</summary>
    /// <param name="x">Inputs (B, m), the dtype of the weights.</param>
    /// <exception cref="ArgumentException">x is not (B, m) of the weights' dtype (the message names the shape).</exception>
    public ForwardCache Forward(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() != 2 || x.shape[1] != Inputs)
            throw new ArgumentException(
                $"TwoLayerNetwork.Forward: x has shape {ShapeText.Of(x)} but W⁽¹⁾ is ({Inputs}, {Hidden}); pass one row of {Inputs} features per sample (digits: data.Flat, (B, 784)).", nameof(x));
        if (x.dtype != W1.dtype)
            throw new ArgumentException($"TwoLayerNetwork.Forward: x is {x.dtype} but the weights are {W1.dtype}; convert with x.to_type(ScalarType.{W1.dtype}).", nameof(x));
        using var noGrad = no_grad();
        var z = x.matmul(W1) + B1;                                  // (B, d₁)
        var h = Activation.Apply(z);                                // (B, d₁)
        var logits = h.matmul(W2) + B2;                             // (B, C)
        var p = logits.softmax(1);                                  // (B, C)
        return new ForwardCache(x, z, h, logits, p);
    }

    /// <summary>Mean cross-entropy of the cached forward pass against labels <paramref name="y"/> (B).</summary>
    /// <exception cref="ArgumentException">y does not fit the batch (see <see cref="CategoricalNll.PerSample"/>).</exception>
    public double Loss(ForwardCache cache, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(cache);
        using var scope = NewDisposeScope();
        return CategoricalNll.Loss(cache.Logits, y).to_type(ScalarType.Float64).item<double>();
    }

    /// <summary>∂L/∂W⁽¹⁾, ∂L/∂b⁽¹⁾, ∂L/∂W⁽²⁾, ∂L/∂b⁽²⁾ of the mean cross-entropy, by the chain rule written as matrix products (autograd off).</summary>
    /// <param name="cache">The forward pass of the batch (<see cref="Forward"/>).</param>
    /// <param name="y">Labels (B), int64 in 0 … C − 1.</param>
    /// <exception cref="ArgumentException">y does not have one label per row of the cache.</exception>
    public NetworkGradients Backward(ForwardCache cache, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(y);
        if (y.dim() != 1 || y.shape[0] != cache.X.shape[0])
            throw new ArgumentException(
                $"TwoLayerNetwork.Backward: y has shape {ShapeText.Of(y)} but the forward pass saw {cache.X.shape[0]} rows; pass the labels (B) of the same batch.", nameof(y));
        using var noGrad = no_grad();
        var dLogits = SoftmaxCrossEntropy.Gradient(cache.P, y);                     // (B, C)
        var dW2 = cache.H.t().matmul(dLogits);                                       // (d₁, C)
        var dB2 = dLogits.sum([0]);                                                  // (C)
        var dH = dLogits.matmul(W2.t());                                             // (B, d₁)
        var dZ = dH * Activation.Derivative(cache.Z, cache.H);                       // (B, d₁)
        var dW1 = cache.X.t().matmul(dZ);                                            // (m, d₁)
        var dB1 = dZ.sum([0]);                                                       // (d₁)
        return new NetworkGradients(dW1, dB1, dW2, dB2);
    }

    /// <summary>One step of gradient descent in place: w ← w − lr · ∂L/∂w for the four weights.</summary>
    /// <exception cref="ArgumentException">A gradient's shape differs from its weight's.</exception>
    public void Step(NetworkGradients gradients, double lr)
    {
        ArgumentNullException.ThrowIfNull(gradients);
        using var noGrad = no_grad();
        for (int i = 0; i < 4; i++)
        {
            var (w, g) = (Parameters[i], gradients.All[i]);
            if (!w.shape.SequenceEqual(g.shape))
                throw new ArgumentException($"TwoLayerNetwork.Step: gradient {i + 1} of 4 has shape {ShapeText.Of(g)} but its weight {ShapeText.Of(w)}; pass this network's Backward result.", nameof(gradients));
            w.add_(g, alpha: -lr);
        }
    }

    /// <summary>A copy with its own weights (the same values, optionally converted to <paramref name="dtype"/>): train two copies from the same start, or check gradients in float64.</summary>
    public TwoLayerNetwork Clone(ScalarType? dtype = null)
    {
        using var noGrad = no_grad();
        var type = dtype ?? W1.dtype;
        Tensor Copy(Tensor w) => w.to_type(type).clone().DetachFromDisposeScope();
        return new(Activation, Copy(W1), Copy(B1), Copy(W2), Copy(B2));
    }
}
