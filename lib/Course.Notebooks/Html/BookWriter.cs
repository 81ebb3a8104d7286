namespace Course.Notebooks.Html;

/// <summary>Writes the executed course as an offline web book: one page per notebook, an index, shared assets.</summary>
/// <remarks>
/// <c>course run notebooks --out out/</c> calls <see cref="WritePage"/> for each notebook, then
/// <see cref="WriteIndex"/>. Pages reference <c>assets/</c> relatively and nothing on the network.
/// </remarks>
public static class BookWriter
{
    /// <summary>Write <c><paramref name="outDir"/>/&lt;stem&gt;.html</c>; <paramref name="allPages"/> gives the sidebar and previous/next links.</summary>
    public static void WritePage(string outDir, BookPage page, IReadOnlyList<BookPage> allPages)
    {
        WriteAssets(outDir);
        WriteAtomically(Path.Combine(outDir, page.FileName), PageRenderer.Render(page, allPages));
    }

    /// <summary>Write <c><paramref name="outDir"/>/index.html</c>: the outline, each notebook's status, time, metrics and judged targets (by stem).</summary>
    /// <remarks>A missed target shows in red (issue 15); <paramref name="targets"/> null shows none.</remarks>
    public static void WriteIndex(string outDir, IReadOnlyList<BookPage> pages, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> metrics,
                                  IReadOnlyDictionary<string, IReadOnlyList<Targets.TargetJudgement>>? targets = null)
    {
        WriteAssets(outDir);
        WriteAtomically(Path.Combine(outDir, "index.html"), IndexRenderer.Render(pages, metrics, targets));
    }

    /// <summary>Write <c>assets/book.css</c> and <c>assets/plotly.min.js</c> once per folder (the page writers call this too).</summary>
    public static void WriteAssets(string outDir) => BookAssets.Write(outDir);

    /// <summary>Write text as UTF-8 (no BOM) to a temporary file beside <paramref name="path"/>, then move it into place.</summary>
    internal static void WriteAtomically(string path, string text) =>
        WriteAtomically(path, new System.Text.UTF8Encoding(false).GetBytes(text));

    /// <summary>Write bytes to a temporary file beside <paramref name="path"/>, then move it into place.</summary>
    internal static void WriteAtomically(string path, byte[] bytes)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = $"{full}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}";
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
