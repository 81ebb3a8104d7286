using System.Reflection;
using System.Text;
using Course.Interactive;

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
    [
        ("book.css", Resource(typeof(BookAssets).Assembly, "Course.Notebooks.Html.Assets.book.css")),
        ("plotly.min.js", Encoding.UTF8.GetBytes(PlotlyJs.Script)),
        // The minified file's first line points readers to this name for plotly.js's MIT license.
        ("plotly.min.js.LICENSE.txt", Encoding.UTF8.GetBytes(PlotlyJs.License)),
    ]);

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

    private static byte[] Resource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
                           ?? throw new InvalidOperationException($"embedded resource '{name}' is missing from {assembly.GetName().Name}; rebuild the project.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
