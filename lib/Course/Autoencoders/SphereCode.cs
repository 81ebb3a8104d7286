using static TorchSharp.torch;

namespace Course.Autoencoders;

/// <summary>The last layer of an encoder that puts every code on a sphere: h = r · u / ‖u‖ for the encoder's output u.</summary>
/// <remarks>
/// Seed 004, "클러스터링 알고리즘": the clustering term λ Σ ‖f(x_i) − c(x_i)‖² can be made small without clustering anything,
/// by shrinking every code towards 0 and letting the decoder's first layer scale them back up. With the codes on a sphere of
/// fixed radius r the encoder cannot shrink them, so lowering the term means moving codes towards their centres' directions,
/// and a large λ no longer collapses the code space. (The same idea as the hypersphere embeddings of face recognition, e.g.
/// Wang et al., "NormFace", 2017.) Notebook 09-autoencoder-applications clusters digits with it.
/// </remarks>
public sealed class SphereCode : nn.Module<Tensor, Tensor>
{
    /// <summary>Codes of radius <paramref name="radius"/>.</summary>
    /// <param name="radius">r &gt; 0, the length of every code.</param>
    /// <exception cref="ArgumentOutOfRangeException">r is not a positive finite number.</exception>
    public SphereCode(double radius = 1.0) : base(nameof(SphereCode))
    {
        if (!(radius > 0) || !double.IsFinite(radius))
            throw new ArgumentOutOfRangeException(nameof(radius), radius, "The sphere's radius must be a positive number.");
        Radius = radius;
    }

    /// <summary>r, the length of every code.</summary>
    public double Radius { get; }

    /// <summary>r · u / ‖u‖ row by row; a zero row stays 0 instead of dividing by zero.</summary>
    /// <param name="u">Encoder outputs (B, d).</param>
    /// <returns>Codes (B, d), each of length r.</returns>
    /// <exception cref="ArgumentException">u is not (B, d).</exception>
    public override Tensor forward(Tensor u)
    {
        ArgumentNullException.ThrowIfNull(u);
        if (u.dim() != 2)
            throw new ArgumentException($"SphereCode expects codes (B, d), got ({string.Join(", ", u.shape)}).", nameof(u));
        return nn.functional.normalize(u, p: 2.0, dim: 1) * Radius;                  // (B, d), ‖h_i‖ = r
    }
}
