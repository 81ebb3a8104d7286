using Course.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Course.Autoencoders;

/// <summary>The encoder's Jacobian J_f(x) = ∂h/∂x by autograd, one backward pass per hidden unit: the slow reference for <see cref="ContractivePenalty"/>.</summary>
/// <remarks>
/// Seed 004 (DL Seminar), "Analytic Regularization (CAE)"; Rifai et al. (2011), Table 1's "Average ‖J_f(x)‖_F".
/// Samples do not interact, so the gradient of Σ_b h_j(x_b) with respect to the batch gives row j of every sample's
/// Jacobian at once. Notebook 08-autoencoder-variants compares it with the closed form.
/// </remarks>
public static class Jacobian
{
    /// <summary>J_f(x) for every sample of a batch: (B, D) → (B, H, D), entry [b, j, i] = ∂h_j(x_b)/∂x_i.</summary>
    /// <param name="encode">The encoder x (B, D) → h (B, H); each sample's code must depend on that sample only.</param>
    /// <param name="x">Inputs (B, D); not modified.</param>
    /// <returns>(B, H, D), detached.</returns>
    /// <exception cref="ArgumentException">x is not (B, D), or the code is not (B, H).</exception>
    public static Tensor Of(Func<Tensor, Tensor> encode, Tensor x)
    {
        ArgumentNullException.ThrowIfNull(encode);
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() != 2)
            throw new ArgumentException($"Jacobian.Of needs inputs shaped (B, D), got {ShapeText.Of(x)}.", nameof(x));
        using var scope = torch.NewDisposeScope();
        using var grad = torch.enable_grad();
        var input = x.detach().clone().requires_grad_(true);                                     // (B, D)
        var h = encode(input);                                                                   // (B, H)
        if (h.dim() != 2 || h.shape[0] != x.shape[0])
            throw new ArgumentException($"Jacobian.Of needs the encoder to return codes (B, H) for inputs {ShapeText.Of(x)}, got {ShapeText.Of(h)}.", nameof(encode));
        long hidden = h.shape[1];
        var rows = new Tensor[hidden];
        for (long j = 0; j < hidden; j++)
            rows[j] = torch.autograd.grad([h[.., j].sum()], [input], retain_graph: j < hidden - 1)[0];  // (B, D) = ∂h_j/∂x for every sample
        return torch.stack(rows, 1).detach().MoveToOuterDisposeScope();                          // (B, H, D)
    }

    /// <summary>‖J_f(x)‖_F of every sample from the closed form of a sigmoid encoder: the square root of <see cref="ContractivePenalty.Analytic"/>.</summary>
    /// <param name="net">A trained one-hidden-layer sigmoid autoencoder.</param>
    /// <param name="x">Inputs (B, D).</param>
    /// <returns>(B), detached.</returns>
    public static Tensor FrobeniusNorm(SigmoidAutoencoder net, Tensor x)
    {
        ArgumentNullException.ThrowIfNull(net);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        return ContractivePenalty.Analytic(net.Encode(x), net.EncoderWeight).sqrt().MoveToOuterDisposeScope();
    }
}
