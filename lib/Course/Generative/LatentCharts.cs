using System.Globalization;
using Course.Plots;
using Course.Training;
using Plotly.NET;
using static TorchSharp.torch;
using Chart = Plotly.NET.CSharp.Chart;

namespace Course.Generative;

/// <summary>Charts of a VAE's latent space: 2-D codes coloured by digit, and the KL each latent variable carries.</summary>
/// <remarks>
/// Seed 001, "Variational Autoencoders": "Compress representation of world to something we can use to learn"; the
/// regularization term pulls every q(z|x) towards the prior N(0, I). Notebook 10-vae.
/// </remarks>
public static class LatentCharts
{
    /// <summary>A scatter of 2-D codes, one colour and legend entry per class.</summary>
    /// <param name="z">Codes (N, 2), e.g. the means μ of q(z|x).</param>
    /// <param name="labels">Class of each code (N), integers.</param>
    /// <param name="title">Chart title.</param>
    /// <exception cref="ArgumentException">z is not (N, 2), or the labels do not pair up with it.</exception>
    public static GenericChart Scatter(Tensor z, Tensor labels, string title = "Latent codes")
    {
        ArgumentNullException.ThrowIfNull(z);
        ArgumentNullException.ThrowIfNull(labels);
        if (z.dim() != 2 || z.shape[1] != 2)
            throw new ArgumentException($"Scatter draws 2-D codes shaped (N, 2), got {ShapeText.Of(z)}.", nameof(z));
        if (labels.dim() != 1 || labels.shape[0] != z.shape[0])
            throw new ArgumentException($"Scatter: z has shape {ShapeText.Of(z)} but labels has shape {ShapeText.Of(labels)}; give one label per code.", nameof(labels));
        var points = z.detach().cpu().to_type(ScalarType.Float64).contiguous().data<double>().ToArray();
        var classes = labels.cpu().to_type(ScalarType.Int64).data<long>().ToArray();
        var traces = classes.Distinct().Order().Select(c =>
        {
            var rows = Enumerable.Range(0, classes.Length).Where(i => classes[i] == c).ToArray();
            return Chart.Point<double, double, string>(rows.Select(i => points[2 * i]).ToArray(), rows.Select(i => points[2 * i + 1]).ToArray(),
                                                         Name: c.ToString(CultureInfo.InvariantCulture), ShowLegend: true, Opacity: 0.7, MarkerSymbol: StyleParam.MarkerSymbol.Circle);
        }).ToArray();
        return Chart.Combine(traces).Titled(title).Axes("z₁", "z₂").Sized(640, 560);
    }

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
