using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.CSharp;

namespace Course.Plots;

/// <summary>Small C#-friendly wrappers over Plotly.NET's F# styling functions, shared by the course's charts.</summary>
/// <remarks>Used by <see cref="Curves"/> and <see cref="Heatmap"/> (notebooks 00-setup onwards).</remarks>
internal static class ChartStyle
{
    /// <summary>Default size of the course's charts, in pixels.</summary>
    public const int Width = 720, Height = 420;

    /// <summary>Set the chart's title (no change for an empty title).</summary>
    public static GenericChart Titled(this GenericChart chart, string title) =>
        string.IsNullOrEmpty(title) ? chart : Plotly.NET.Chart.withTitle(title, FSharpOption<Font>.None).Invoke(chart);

    /// <summary>Set the x and y axis titles.</summary>
    public static GenericChart Axes(this GenericChart chart, string xTitle, string yTitle) =>
        chart.WithXAxisStyle<double, double, string>(TitleText: xTitle)
             .WithYAxisStyle<double, double, string>(TitleText: yTitle);

    /// <summary>Draw the chart's traces against the y axis number <paramref name="yAxis"/> (2 = the right-hand one).</summary>
    public static GenericChart OnYAxis(this GenericChart chart, int yAxis) =>
        Plotly.NET.Chart.withAxisAnchor(FSharpOption<int>.None, FSharpOption<int>.Some(yAxis)).Invoke(chart);

    /// <summary>Set a trace property that the typed API does not expose (e.g. <c>texttemplate</c>).</summary>
    public static GenericChart WithTraceProperty(this GenericChart chart, string name, object value)
    {
        foreach (var trace in GenericChart.getTraces(chart)) trace.SetProperty(name, value);
        return chart;
    }

    /// <summary>Apply the course's default size.</summary>
    public static GenericChart Sized(this GenericChart chart, int width = Width, int height = Height) =>
        chart.WithSize(Width: width, Height: height);
}
