using Plotly.NET;
using Plotly.NET.CSharp;

namespace Course.Plots;

/// <summary>A logarithmic y axis for charts whose values span many powers of ten.</summary>
/// <remarks>
/// Seed 001 (Lecture 11), "RNN": vanishing and exploding gradients are powers (σ^T), straight lines on a log axis.
/// Notebook 05-rnn-lstm draws ‖∂h_T/∂h_0‖ against T with <c>Curves.Lines(…).WithLogY()</c>.
/// </remarks>
public static class LogAxis
{
    /// <summary>The same chart with a base-10 logarithmic y axis (titles and size kept).</summary>
    public static GenericChart WithLogY(this GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return chart.WithYAxisStyle<double, double, string>(AxisType: StyleParam.AxisType.Log);
    }
}
