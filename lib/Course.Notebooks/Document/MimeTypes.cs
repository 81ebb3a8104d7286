namespace Course.Notebooks.Document;

/// <summary>MIME types the engine produces (the library's <c>MimeBundle</c> names them) and how nbformat stores them.</summary>
public static class MimeTypes
{
    /// <summary>Plain text, always present in a bundle.</summary>
    public const string PlainText = Course.Interactive.MimeBundle.PlainText;

    /// <summary>HTML fragment.</summary>
    public const string Html = Course.Interactive.MimeBundle.Html;

    /// <summary>Base64 PNG image.</summary>
    public const string Png = Course.Interactive.MimeBundle.Png;

    /// <summary>Plotly figure JSON, rendered natively by Jupyter front ends.</summary>
    public const string PlotlyJson = Course.Interactive.MimeBundle.PlotlyJson;

    /// <summary>True for MIME types nbformat stores as JSON objects rather than strings.</summary>
    public static bool IsJson(string mime) =>
        mime == "application/json" || mime.EndsWith("+json", StringComparison.Ordinal);
}
