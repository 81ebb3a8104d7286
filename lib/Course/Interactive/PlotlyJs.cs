using System.Reflection;
using System.Text.RegularExpressions;
using Plotly.NET;

namespace Course.Interactive;

/// <summary>The plotly.js library that Plotly.NET embeds, for pages and notebooks that must work offline.</summary>
/// <remarks>
/// Plotly.NET 6.0.0 carries plotly.js 2.28.0 as the resource <c>Plotly.NET.plotly-2.28.0.min.js</c> (what
/// <c>PlotlyJSReference.Full</c> inlines). The web book writes <see cref="Script"/> once per output folder as
/// <see cref="FileName"/>; chart outputs from <see cref="MimeBundle"/> wait for <c>window.Plotly</c> and never use a CDN.
/// </remarks>
public static partial class PlotlyJs
{
    private static readonly Lazy<(string Resource, string Version)> Found = new(FindResource);
    private static readonly Lazy<string> Text = new(() => ReadResource(Found.Value.Resource));
    private static readonly Lazy<string> LicenseText = new(() => ReadResource(Found.Value.Resource + ".LICENSE.txt"));

    /// <summary>The minified plotly.js source (about 3.6 MB).</summary>
    public static string Script => Text.Value;

    /// <summary>The plotly.js version, e.g. "2.28.0".</summary>
    public static string Version => Found.Value.Version;

    /// <summary>The file name to write <see cref="Script"/> to, e.g. "plotly-2.28.0.min.js".</summary>
    public static string FileName => $"plotly-{Version}.min.js";

    /// <summary>The license notice that ships with plotly.js (MIT).</summary>
    public static string License => LicenseText.Value;

    private static Assembly PlotlyAssembly => typeof(GenericChart).Assembly;

    private static (string, string) FindResource()
    {
        var names = PlotlyAssembly.GetManifestResourceNames();
        foreach (var name in names)
        {
            var match = ResourceName().Match(name);
            if (match.Success) return (name, match.Groups[1].Value);
        }
        throw new InvalidOperationException(
            $"Plotly.NET {PlotlyAssembly.GetName().Version} has no embedded plotly-*.min.js resource (found: {string.Join(", ", names)}).");
    }

    private static string ReadResource(string name)
    {
        using var stream = PlotlyAssembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Plotly.NET has no resource {name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"plotly-(\d+\.\d+\.\d+)\.min\.js$")]
    private static partial Regex ResourceName();
}
