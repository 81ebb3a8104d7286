namespace Course.Notebooks.Document;

/// <summary>MIME types the engine produces and how nbformat stores them.</summary>
public static class MimeTypes
{
    /// <summary>Plain text, always present in a bundle.</summary>
    public const string PlainText = "text/plain";

    /// <summary>HTML fragment.</summary>
    public const string Html = "text/html";

    /// <summary>Base64 PNG image.</summary>
    public const string Png = "image/png";

    /// <summary>Plotly figure JSON, rendered natively by Jupyter front ends.</summary>
    public const string PlotlyJson = "application/vnd.plotly.v1+json";

    /// <summary>True for MIME types nbformat stores as JSON objects rather than strings.</summary>
    public static bool IsJson(string mime) =>
        mime == "application/json" || mime.EndsWith("+json", StringComparison.Ordinal);
}
