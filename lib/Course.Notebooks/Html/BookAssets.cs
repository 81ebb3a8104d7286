using System.Reflection;
using System.Text;
using Course.Interactive;

namespace Course.Notebooks.Html;

/// <summary>The files every book folder shares under <c>assets/</c>: stylesheet, script, plotly.js, KaTeX, highlight.js.</summary>
/// <remarks>
/// Written once per output folder and referenced relatively (<c>assets/book.css</c>, <c>assets/plotly.min.js</c>,
/// <c>assets/katex/…</c>, <c>assets/highlight/…</c>), so the book opens offline from disk. KaTeX 0.19.1 (MIT) and
/// highlight.js 11.12.0 (BSD-3-Clause) are vendored from their npm packages under <c>Html/Assets/</c>, each with its
/// LICENSE and a README giving provenance; they are embedded in this assembly, so a fresh clone needs only <c>dotnet</c>.
/// </remarks>
internal static class BookAssets
{
    /// <summary>The folder name, relative to the book's pages.</summary>
    public const string Folder = "assets";

    /// <summary>The stylesheet's path relative to a page.</summary>
    public const string StylesheetHref = Folder + "/book.css";

    /// <summary>The book's own script (typesets math, highlights code) relative to a page.</summary>
    public const string ScriptHref = Folder + "/book.js";

    /// <summary>plotly.js's path relative to a page.</summary>
    public const string PlotlyHref = Folder + "/plotly.min.js";

    /// <summary>KaTeX's script relative to a page.</summary>
    public const string KatexScriptHref = Folder + "/katex/katex.min.js";

    /// <summary>KaTeX's stylesheet (which loads <c>fonts/*.woff2</c> beside it) relative to a page.</summary>
    public const string KatexStylesheetHref = Folder + "/katex/katex.min.css";

    /// <summary>highlight.js (common languages, C# included) relative to a page.</summary>
    public const string HighlightScriptHref = Folder + "/highlight/highlight.min.js";

    /// <summary>highlight.js's GitHub light theme relative to a page.</summary>
    public const string HighlightStylesheetHref = Folder + "/highlight/github.min.css";

    /// <summary>Embedded resources under this prefix are written to <c>assets/</c> under the rest of their name.</summary>
    private const string ResourcePrefix = "book-assets/";

    private static readonly Lazy<List<(string Name, byte[] Bytes)>> files = new(() =>
    {
        var assembly = typeof(BookAssets).Assembly;
        var list = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n[ResourcePrefix.Length..].Replace('\\', '/'), Resource(assembly, n)))
            .ToList();
        list.Add(("plotly.min.js", Encoding.UTF8.GetBytes(PlotlyJs.Script)));
        // The minified file's first line points readers to this name for plotly.js's MIT license.
        list.Add(("plotly.min.js.LICENSE.txt", Encoding.UTF8.GetBytes(PlotlyJs.License)));
        return list;
    });

    /// <summary>The relative paths (under <c>assets/</c>, with <c>/</c>) of every file <see cref="Write"/> writes.</summary>
    public static IEnumerable<string> Names => files.Value.Select(f => f.Name);

    /// <summary>Write the assets into <c><paramref name="outDir"/>/assets/</c>, skipping files already there unchanged.</summary>
    public static void Write(string outDir)
    {
        var folder = Path.Combine(outDir, Folder);
        foreach (var (name, bytes) in files.Value)
        {
            var path = Path.Combine(folder, name.Replace('/', Path.DirectorySeparatorChar));
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
