using System.Reflection;
using System.Text;

namespace Course.Notebooks.Html;

/// <summary>The files every book folder shares under <c>assets/</c>: the stylesheet and plotly.js.</summary>
/// <remarks>
/// Written once per output folder and referenced relatively (<c>assets/book.css</c>,
/// <c>assets/plotly.min.js</c>), so the book opens offline from disk.
/// </remarks>
internal static class BookAssets
{
    /// <summary>The folder name, relative to the book's pages.</summary>
    public const string Folder = "assets";

    /// <summary>The stylesheet's path relative to a page.</summary>
    public const string StylesheetHref = Folder + "/book.css";

    /// <summary>plotly.js's path relative to a page.</summary>
    public const string PlotlyHref = Folder + "/plotly.min.js";

    private static readonly Lazy<List<(string Name, byte[] Bytes)>> files = new(() =>
    {
        var list = new List<(string, byte[])>
        {
            ("book.css", Resource(typeof(BookAssets).Assembly, "Course.Notebooks.Html.Assets.book.css")),
            ("plotly.min.js", Encoding.UTF8.GetBytes(PlotlyScript())),
        };
        if (PlotlyLicense() is { } license) list.Add(("plotly.min.js.LICENSE.txt", license));
        return list;
    });

    /// <summary>Write the assets into <c><paramref name="outDir"/>/assets/</c>, skipping files already there unchanged.</summary>
    public static void Write(string outDir)
    {
        var folder = Path.Combine(outDir, Folder);
        Directory.CreateDirectory(folder);
        foreach (var (name, bytes) in files.Value)
        {
            var path = Path.Combine(folder, name);
            var existing = new FileInfo(path);
            if (existing.Exists && existing.Length == bytes.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes)) continue;
            BookWriter.WriteAtomically(path, bytes);
        }
    }

    /// <summary>plotly.js as Plotly.NET embeds it (the version its charts are written for).</summary>
    private static string PlotlyScript()
    {
        var plotly = PlotlyAssembly();
        var name = plotly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith(".min.js", StringComparison.Ordinal))
                   ?? throw new InvalidOperationException($"{plotly.GetName()} holds no plotly.js resource; the web book cannot show charts offline.");
        return Encoding.UTF8.GetString(Resource(plotly, name));
    }

    /// <summary>plotly.js's MIT license notice, which its minified file points to.</summary>
    private static byte[]? PlotlyLicense()
    {
        var plotly = PlotlyAssembly();
        var name = plotly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith(".min.js.LICENSE.txt", StringComparison.Ordinal));
        return name is null ? null : Resource(plotly, name);
    }

    private static Assembly PlotlyAssembly() => typeof(Plotly.NET.Chart).Assembly;

    private static byte[] Resource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
                           ?? throw new InvalidOperationException($"embedded resource '{name}' is missing from {assembly.GetName().Name}; rebuild the project.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
