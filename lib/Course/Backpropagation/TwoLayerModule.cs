using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Course.Backpropagation;

/// <summary>The same two-layer network as <see cref="TwoLayerNetwork"/>, as a module whose gradients come from autograd.</summary>
/// <remarks>
/// Seed 001 (Lecture 11), "Review: ANN". Built from a <see cref="TwoLayerNetwork"/>'s weights, so both start from the same
/// point; <c>loss.backward()</c> or <see cref="Gradients"/> then record the forward pass and run the chain rule for us.
/// Notebook 01b-backpropagation trains both and compares their gradients, weights and learning curves.
/// </remarks>
public sealed class TwoLayerModule : Module<Tensor, Tensor>
{
    /// <summary>A module holding copies of <paramref name="network"/>'s weights as trainable parameters.</summary>
    public TwoLayerModule(TwoLayerNetwork network) : base(nameof(TwoLayerModule))
    {
        ArgumentNullException.ThrowIfNull(network);
        Activation = network.Activation;
        using (no_grad())
        {
            W1 = Parameter(network.W1.clone());       // (m, d₁)
            B1 = Parameter(network.B1.clone());       // (d₁)
            W2 = Parameter(network.W2.clone());       // (d₁, C)
            B2 = Parameter(network.B2.clone());       // (C)
        }
        RegisterComponents();
    }

    /// <summary>W⁽¹⁾, (m, d₁).</summary>
    public readonly Parameter W1;

    /// <summary>b⁽¹⁾, (d₁).</summary>
    public readonly Parameter B1;

    /// <summary>W⁽²⁾, (d₁, C).</summary>
    public readonly Parameter W2;

    /// <summary>b⁽²⁾, (C).</summary>
    public readonly Parameter B2;

    /// <summary>The hidden layer's g.</summary>
    public Activation Activation { get; }

    /// <summary>The four weights in the order W⁽¹⁾, b⁽¹⁾, W⁽²⁾, b⁽²⁾.</summary>
    public IReadOnlyList<Tensor> Weights => [W1, B1, W2, B2];

    /// <summary>The logits s = g(x W⁽¹⁾ + b⁽¹⁾) W⁽²⁾ + b⁽²⁾, (B, C), recorded by autograd.</summary>
    /// <exception cref="ArgumentException">x is not (B, m).</exception>
    public override Tensor forward(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() != 2 || x.shape[1] != W1.shape[0])
            throw new ArgumentException(
                $"TwoLayerModule: x has shape ({string.Join(", ", x.shape)}) but W⁽¹⁾ is ({W1.shape[0]}, {W1.shape[1]}); pass one row of {W1.shape[0]} features per sample.", nameof(x));
        return Activation.Apply(x.matmul(W1) + B1).matmul(W2) + B2;                  // (B, C)
    }

    /// <summary>The gradients of the mean cross-entropy on a batch, by <c>torch.autograd.grad</c>.</summary>
    /// <param name="x">Inputs (B, m).</param>
    /// <param name="y">Labels (B).</param>
    public NetworkGradients Gradients(Tensor x, Tensor y)
    {
        using var scope = NewDisposeScope();
        var loss = functional.cross_entropy(forward(x), y);
        var g = autograd.grad([loss], [W1, B1, W2, B2]);
        return new NetworkGradients(g[0].MoveToOuterDisposeScope(), g[1].MoveToOuterDisposeScope(),
                                    g[2].MoveToOuterDisposeScope(), g[3].MoveToOuterDisposeScope());
    }
}
