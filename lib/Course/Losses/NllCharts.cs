using Course.Plots;
using Microsoft.FSharp.Core;
using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace Course.Losses;

/// <summary>Charts of a negative log-likelihood as a function of two parameters (a contour map of the loss surface).</summary>
/// <remarks>
/// Seed 004 (DL Seminar): θ* = argmin −log p(y | f_θ(x)); the surface shows where that minimum lies.
/// Notebook 01-mle-to-loss draws the Gaussian NLL over (μ, σ) with it. Curves of one parameter use <see cref="Curves.Lines"/>.
/// </remarks>
public static class NllCharts
{
    /// <summary>A contour map of <paramref name="nll"/>(x, y) over the grid <paramref name="xs"/> × <paramref name="ys"/>, with the grid's lowest point marked and labelled.</summary>
    /// <exception cref="ArgumentException">A grid axis is empty.</exception>
    public static GenericChart Surface(IReadOnlyList<double> xs, IReadOnlyList<double> ys, Func<double, double, double> nll,
                                       string title = "", string xTitle = "x", string yTitle = "y")
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(ys);
        ArgumentNullException.ThrowIfNull(nll);
        if (xs.Count == 0 || ys.Count == 0)
            throw new ArgumentException($"Surface needs a non-empty grid; got {xs.Count} x values and {ys.Count} y values.", nameof(xs));
        var z = ys.Select(y => xs.Select(x => nll(x, y)).ToArray()).ToArray();           // (|ys|, |xs|): row = y
        int best = Enumerable.Range(0, xs.Count * ys.Count).MinBy(k => z[k / xs.Count][k % xs.Count]);
        double bestX = xs[best % xs.Count], bestY = ys[best / xs.Count];
        var contour = Chart.Contour<double, double, double, string>(zData: z, X: xs.ToArray(), Y: ys.ToArray(), Name: "NLL")
                           .WithTraceProperty("ncontours", 30);
        var minimum = Chart.Scatter<double, double, string>(
            new[] { bestX }, new[] { bestY }, StyleParam.Mode.Markers_Text, Name: "grid minimum", ShowLegend: false,
            Text: $"grid minimum ({bestX:0.##}, {bestY:0.##})", TextPosition: StyleParam.TextPosition.TopRight,
            MarkerColor: Color.fromString("white"))
            .WithTraceProperty("textfont", Font.init(FSharpOption<StyleParam.FontFamily>.None, FSharpOption<double>.None,
                                                     FSharpOption<Color>.Some(Color.fromString("white"))));
        return Plotly.NET.CSharp.Chart.Combine([contour, minimum]).Titled(title).Axes(xTitle, yTitle).Sized();
    }
}
