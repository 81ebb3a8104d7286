namespace Course.Notebooks.Document;

/// <summary>The one rule for "this output draws a Plotly chart", shared by the web book and the Jupyter kernel.</summary>
/// <remarks>
/// Both must bring plotly.js where a chart is (offline: the book's <c>assets/plotly.min.js</c>, the kernel's inline
/// script in front of the session's first chart). A chart is a bundle with Plotly's JSON MIME type or HTML that calls
/// <c>Plotly.</c> (the library's <c>MimeBundle.ChartHtml</c> waits for <c>window.Plotly</c>).
/// </remarks>
public static class PlotlyCharts
{
    /// <summary>True when <paramref name="data"/> draws a Plotly chart.</summary>
    public static bool IsChart(IReadOnlyDictionary<string, string> data) =>
        data.ContainsKey(MimeTypes.PlotlyJson) ||
        (data.TryGetValue(MimeTypes.Html, out var html) && html.Contains("Plotly.", StringComparison.Ordinal));

    /// <summary>True when <paramref name="output"/> draws a Plotly chart.</summary>
    public static bool IsChart(CellOutput output) => output switch
    {
        DisplayDataOutput d => IsChart(d.Data),
        ExecuteResultOutput r => IsChart(r.Data),
        _ => false,
    };

    /// <summary>True when any output of <paramref name="notebook"/> draws a Plotly chart, so its page must load plotly.js.</summary>
    public static bool Any(NotebookDocument notebook) => notebook.Cells.SelectMany(c => c.Outputs).Any(IsChart);
}
