using Course.Plots;
using Plotly.NET;
using static TorchSharp.torch;
using Chart = Plotly.NET.CSharp.Chart;

namespace Course.Autoencoders;

/// <summary>Overlaid histograms of the hidden units' mean activations ρ̂_j, one per model: how sparse each code is.</summary>
/// <remarks>
/// Seed 002, "sparse Autoencoder": ρ̂_j = (1/m) Σ_i h_j(x_i) should sit near the target ρ. Notebook 08-autoencoder-variants
/// draws a plain AE's ρ̂ (spread around 0.5) against the sparse AEs' (piled up near ρ = 0.05).
/// </remarks>
public static class ActivationHistogram
{
    /// <summary>One histogram per named vector of mean activations, on shared bins of width <paramref name="binWidth"/> over [0, 1].</summary>
    /// <param name="title">Chart title.</param>
    /// <param name="binWidth">Width of a bin, in (0, 1].</param>
    /// <param name="models">Pairs of a legend name and mean activations ρ̂ (H), e.g. <c>SparsityPenalty.MeanActivation(code)</c>.</param>
    /// <exception cref="ArgumentException">No model is given, the bin width is out of range, or a ρ̂ is not a vector.</exception>
    public static GenericChart Create(string title, double binWidth, params (string Name, Tensor MeanActivation)[] models)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (models.Length == 0) throw new ArgumentException("ActivationHistogram needs at least one model's mean activations.", nameof(models));
        if (!(binWidth > 0 && binWidth <= 1)) throw new ArgumentException($"The bin width must lie in (0, 1], got {binWidth}.", nameof(binWidth));
        var traces = new List<GenericChart>();
        foreach (var (name, rhoHat) in models)
        {
            ArgumentNullException.ThrowIfNull(rhoHat);
            if (rhoHat.dim() != 1)
                throw new ArgumentException($"The mean activations of \"{name}\" must be a vector (H), got ({string.Join(", ", rhoHat.shape)}).", nameof(models));
            var values = rhoHat.detach().cpu().to_type(ScalarType.Float64).data<double>().ToArray();
            var chart = Chart.Histogram<double, double, string>(X: values, Name: name, ShowLegend: true, Opacity: 0.6)
                             .WithTraceProperty("xbins", new Dictionary<string, double> { ["start"] = 0, ["end"] = 1, ["size"] = binWidth });
            traces.Add(chart);
        }
        var combined = Chart.Combine(traces).Titled(title).Axes("mean activation ρ̂_j of a hidden unit", "hidden units");
        GenericChart.getLayout(combined).SetProperty("barmode", "overlay");
        return combined.Sized();
    }
}
