using Course.Autoencoders;
using Course.Native;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Autoencoders;

/// <summary>PCA (seed 002, "PCA → size of D, eigenvalues") on hand-computed cases and against an SVD of the centred data.</summary>
public sealed class PcaTests
{
    public PcaTests() => TorchNative.EnsureLoaded();

    [Fact]
    public void FourPointsOnTheAxesHaveTheHandComputedEigenvalues()
    {
        // (±2, 0) and (0, ±1): mean 0, covariance with 1/(N−1) = diag(8/3, 2/3).
        var X = tensor(new float[] { 2, 0, -2, 0, 0, 1, 0, -1 }).reshape(4, 2);
        var pca = Pca.Fit(X, 2);
        Assert.Equal(8.0 / 3, pca.Eigenvalues[0], 5);
        Assert.Equal(2.0 / 3, pca.Eigenvalues[1], 5);
        Assert.True(pca.Components.allclose(eye(2), 1e-5, 1e-6));
        Assert.Equal(0.8, pca.ExplainedVarianceRatio[0], 5);
    }

    [Fact]
    public void PointsOnALineAreOneDimensionalAndReconstructedExactly()
    {
        var t = linspace(-3, 3, 13);
        var X = stack([t + 1, 2 * t - 1], 1);                                 // on the line through (1, −1) along (1, 2)
        var pca = Pca.Fit(X, 1);
        var direction = tensor(new float[] { 1, 2 }) / MathF.Sqrt(5);
        Assert.True(pca.Components[0].allclose(direction, 1e-5, 1e-6));
        Assert.True(pca.Mean.allclose(tensor(new float[] { 1, -1 }), 1e-5, 1e-6));
        Assert.True(pca.Reconstruct(X).allclose(X, 1e-4, 1e-5));
        Assert.Equal(1.0, pca.ExplainedVarianceRatio[0], 5);
    }

    [Fact]
    public void ComponentsAreTheRightSingularVectorsOfTheCentredData()
    {
        manual_seed(5);
        var X = randn(200, 6) * tensor(new float[] { 5, 3, 2, 1, 0.5f, 0.1f });
        var pca = Pca.Fit(X, 3);
        var centred = (X - X.mean([0])).to_type(ScalarType.Float64);
        var (_, s, vh) = linalg.svd(centred, fullMatrices: false);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(s[i].item<double>() * s[i].item<double>() / 199, pca.Eigenvalues[i], 3);
            double cosine = Math.Abs((pca.Components[i].to_type(ScalarType.Float64) * vh[i]).sum().item<double>());
            Assert.Equal(1.0, cosine, 4);
        }
        Assert.True(pca.Components.matmul(pca.Components.t()).allclose(eye(3), 1e-4, 1e-5));   // orthonormal rows
    }

    [Fact]
    public void TransformThenInverseIsTheProjection()
    {
        manual_seed(6);
        var X = randn(40, 5);
        var pca = Pca.Fit(X, 2);
        var z = pca.Transform(X);
        Assert.Equal(new long[] { 40, 2 }, z.shape);
        var w = pca.Components;
        var projection = (X - pca.Mean).matmul(w.t()).matmul(w) + pca.Mean;
        Assert.True(pca.InverseTransform(z).allclose(projection, 1e-5, 1e-5));
        Assert.True(Pca.Fit(X, 5).Reconstruct(X).allclose(X, 1e-4, 1e-4));                       // all directions: exact
    }

    [Fact]
    public void MoreComponentsThanDimensionsIsAnErrorNamingD()
    {
        var ex = Assert.Throws<ArgumentException>(() => Pca.Fit(zeros(10, 3), 4));
        Assert.Contains("D = 3", ex.Message);
    }
}
