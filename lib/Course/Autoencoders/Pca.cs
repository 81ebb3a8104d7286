using Course.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Course.Autoencoders;

/// <summary>Principal component analysis: the linear dimension reduction an autoencoder is compared with.</summary>
/// <remarks>
/// Seed 002, "encoder as a dimension reduction — PCA → size of D, eigenvalues": centre the data, take the eigenvectors
/// of its covariance matrix with the largest eigenvalues, and project onto them. The k leading eigenvectors give the
/// k-dimensional linear code with the smallest squared reconstruction error; a linear autoencoder with k hidden units
/// can at best find the same subspace. Notebook 07-autoencoder compares it with the 2-D code of the lecture's network.
/// <code>var pca = Pca.Fit(train.Flat, 2); var z = pca.Transform(test.Flat); var xHat = pca.InverseTransform(z);</code>
/// </remarks>
public sealed class Pca
{
    private Pca(Tensor mean, Tensor components, double[] eigenvalues, double totalVariance)
    {
        Mean = mean;
        Components = components;
        Eigenvalues = eigenvalues;
        TotalVariance = totalVariance;
    }

    /// <summary>The mean of the training data (D), subtracted before projecting.</summary>
    public Tensor Mean { get; }

    /// <summary>The principal directions as orthonormal rows (k, D), largest eigenvalue first; each row's largest entry is positive.</summary>
    public Tensor Components { get; }

    /// <summary>The covariance eigenvalues of the kept directions, largest first: the variance of the data along each.</summary>
    public IReadOnlyList<double> Eigenvalues { get; }

    /// <summary>The sum of all D eigenvalues: the total variance of the data.</summary>
    public double TotalVariance { get; }

    /// <summary>Number of kept components k.</summary>
    public int NumComponents => Eigenvalues.Count;

    /// <summary>The fraction of the total variance each kept direction explains.</summary>
    public IReadOnlyList<double> ExplainedVarianceRatio => Eigenvalues.Select(e => e / TotalVariance).ToArray();

    /// <summary>Fit PCA with <paramref name="numComponents"/> directions to the rows of <paramref name="X"/>.</summary>
    /// <param name="X">Data (N, D), or (N, …) flattened to D values per row; N ≥ 2.</param>
    /// <param name="numComponents">k, between 1 and D.</param>
    /// <remarks>The covariance uses 1/(N − 1); the eigen-decomposition runs in float64. Results are float32 on X's device.</remarks>
    /// <exception cref="ArgumentException">Fewer than two rows, or k outside [1, D].</exception>
    public static Pca Fit(Tensor X, int numComponents)
    {
        ArgumentNullException.ThrowIfNull(X);
        if (X.dim() < 2 || X.shape[0] < 2)
            throw new ArgumentException($"PCA needs at least two rows of data (N, D); got shape {ShapeText.Of(X)}.", nameof(X));
        long n = X.shape[0], d = X.numel() / n;
        if (numComponents < 1 || numComponents > d)
            throw new ArgumentException($"numComponents must be between 1 and D = {d}; got {numComponents}.", nameof(numComponents));
        using var scope = torch.NewDisposeScope();
        var data = X.reshape(n, d).to_type(ScalarType.Float64);                       // (N, D)
        var mean = data.mean([0]);                                                    // (D)
        var centred = data - mean;                                                    // (N, D)
        var covariance = centred.t().matmul(centred) / (n - 1);                       // (D, D)
        var (values, vectors) = torch.linalg.eigh(covariance);                        // ascending eigenvalues, vectors as columns
        var order = values.argsort(descending: true).narrow(0, 0, numComponents);     // (k)
        var top = vectors.index_select(1, order).t();                                 // (k, D)
        var largest = top.abs().argmax(1, keepdim: true);                             // (k, 1): fix each direction's sign
        top = top * top.gather(1, largest).sign();
        var kept = values.index_select(0, order).data<double>().ToArray();
        double total = values.clamp_min(0).sum().item<double>();
        return new Pca(mean.to_type(ScalarType.Float32).DetachFromDisposeScope(),
                       top.to_type(ScalarType.Float32).contiguous().DetachFromDisposeScope(),
                       kept.Select(v => Math.Max(v, 0)).ToArray(), total);
    }

    /// <summary>The code of each row: its coordinates along the principal directions, z = (x − mean) Wᵀ.</summary>
    /// <param name="X">Data (N, D) or (N, …) with D values per row.</param>
    /// <returns>Codes (N, k).</returns>
    public Tensor Transform(Tensor X)
    {
        var flat = Rows(X);
        return (flat - Mean).matmul(Components.t());                                  // (N, D) · (D, k) → (N, k)
    }

    /// <summary>Back from codes to data space: x̂ = z W + mean.</summary>
    /// <param name="Z">Codes (N, k).</param>
    /// <returns>Reconstructions (N, D).</returns>
    /// <exception cref="ArgumentException">The codes are not (N, k).</exception>
    public Tensor InverseTransform(Tensor Z)
    {
        ArgumentNullException.ThrowIfNull(Z);
        if (Z.dim() != 2 || Z.shape[1] != NumComponents)
            throw new ArgumentException($"InverseTransform expects codes of shape (N, {NumComponents}), got {ShapeText.Of(Z)}.", nameof(Z));
        return Z.matmul(Components) + Mean;                                           // (N, k) · (k, D) → (N, D)
    }

    /// <summary>The projection of each row onto the principal subspace: <c>InverseTransform(Transform(X))</c>, shape (N, D).</summary>
    public Tensor Reconstruct(Tensor X)
    {
        using var scope = torch.NewDisposeScope();
        return InverseTransform(Transform(X)).MoveToOuterDisposeScope();
    }

    /// <summary>A one-line summary, e.g. <c>PCA: 2 of 784 directions, 17.1% of the variance</c>.</summary>
    public override string ToString() =>
        $"PCA: {NumComponents} of {Mean.shape[0]} directions, {Eigenvalues.Sum() / TotalVariance:P1} of the variance";

    private Tensor Rows(Tensor X)
    {
        ArgumentNullException.ThrowIfNull(X);
        long d = Mean.shape[0];
        if (X.dim() < 1 || X.shape[0] == 0 || X.numel() != X.shape[0] * d)
            throw new ArgumentException($"PCA was fitted to rows of {d} values; got shape {ShapeText.Of(X)}.", nameof(X));
        return X.reshape(X.shape[0], d).to_type(ScalarType.Float32);                  // (N, D)
    }
}
