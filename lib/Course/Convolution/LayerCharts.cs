using Course.Plots;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace Course.Convolution;

/// <summary>Where a network keeps its parameters and its activations: one bar per layer, log scale.</summary>
/// <remarks>Seed 001 (Lecture 11), VGG16 slide: most memory is in the early convolutions, most parameters in the FC layers.
/// Notebook 02-convolution-arithmetic.</remarks>
public static class LayerCharts
{
    /// <summary>Bars of parameters and activations per layer of <paramref name="table"/> (log y axis: pooling and norm layers, with 0 parameters, show no parameter bar).</summary>
    public static GenericChart ParametersAndActivations(LayerTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var names = table.Select(r => r.Layer.Name).ToArray();
        var parameters = Chart.Column<double, string, string>(
            table.Select(r => (double)r.Parameters).ToArray(), names, Name: "parameters", ShowLegend: true);
        var activations = Chart.Column<double, string, string>(
            table.Select(r => (double)r.Activations).ToArray(), names, Name: "activations (output values)", ShowLegend: true);
        return Plotly.NET.CSharp.Chart.Combine([parameters, activations])
            .Titled($"{table.Name}: parameters and activations per layer")
            .WithXAxisStyle<double, double, string>(TitleText: "layer")
            .WithYAxisStyle<double, double, string>(TitleText: "count (log scale)", AxisType: StyleParam.AxisType.Log)
            .Sized(780, 460);
    }
}
