using Course.Plots;
using Course.Training;
using Plotly.NET;
using static TorchSharp.torch;
using Chart = Plotly.NET.CSharp.Chart;

namespace Course.Generative;

/// <summary>Charts of a VAE's latent space: the KL each latent variable carries (2-D codes coloured by digit: <see cref="Scatter.Groups"/>).</summary>
/// <remarks>
/// Seed 001, "Variational Autoencoders": "Compress representation of world to something we can use to learn"; the
/// regularization term pulls every q(z|x) towards the prior N(0, I). Notebook 10-vae.
/// </remarks>
public static class LatentCharts
{
    /// <summary>A bar per latent variable: its mean KL(q(z_j|x) ‖ N(0, 1)) over a data set. Variables near 0 are unused by the model.</summary>
    /// <param name="mu">Means μ of q(z|x) (N, D).</param>
    /// <param name="logVar">log σ² of q(z|x) (N, D).</param>
    /// <param name="title">Chart title.</param>
    public static GenericChart KlPerDimension(Tensor mu, Tensor logVar, string title = "KL per latent variable")
    {
        var kl = KlPerVariable(mu, logVar);
        var names = Enumerable.Range(1, kl.Length).Select(j => $"z{j}").ToArray();
        return Chart.Column<double, string, string>(kl, names, Name: "mean KL")
                    .Titled(title).Axes("latent variable", "mean KL (nats)").Sized();
    }

    /// <summary>Mean KL(q(z_j|x) ‖ N(0, 1)) of each latent variable j over the rows: the regularization term split by variable.</summary>
    /// <param name="mu">Means (N, D).</param>
    /// <param name="logVar">log σ² (N, D).</param>
    /// <returns>D numbers that sum to the mean regularization term.</returns>
    public static double[] KlPerVariable(Tensor mu, Tensor logVar)
    {
        DiagonalGaussian.RequireMeanAndLogVar(mu, logVar, nameof(KlPerVariable));
        if (mu.dim() != 2) throw new ArgumentException($"KlPerVariable needs μ shaped (N, D), got {ShapeText.Of(mu)}.", nameof(mu));
        using var scope = NewDisposeScope();
        var perVariable = -0.5 * (1 + logVar - mu.pow(2) - logVar.exp());                 // (N, D)
        return perVariable.mean([0]).detach().cpu().to_type(ScalarType.Float64).data<double>().ToArray();
    }
}
