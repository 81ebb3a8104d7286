using System.Text.Json.Nodes;
using Course.Notebooks.Document;
using Course.Notebooks.Html;

namespace Course.Notebooks.Tests.Html;

/// <summary>Small executed notebooks and book pages built in code for the web-book tests.</summary>
internal static class BookSamples
{
    /// <summary>A 1×1 red PNG, base64.</summary>
    public const string RedPixelPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

    /// <summary>What a chart output looks like: a div and a script that waits for <c>window.Plotly</c>.</summary>
    public const string ChartHtml = """
        <div id="plotly-1" class="course-plotly"></div>
        <script type="text/javascript">
        (function () { function draw() { if (window.Plotly) { window.Plotly.newPlot('plotly-1', [], {}); return; } setTimeout(draw, 50); } draw(); })();
        </script>
        """;

    /// <summary>A code cell that ran as <c>[<paramref name="count"/>]</c> with the given outputs.</summary>
    public static NotebookCell Ran(string source, int count, params CellOutput[] outputs)
    {
        var cell = NotebookCell.Code(source);
        cell.ExecutionCount = count;
        cell.Outputs.AddRange(outputs);
        return cell;
    }

    /// <summary>A rich output with the given MIME type → content pairs.</summary>
    public static DisplayDataOutput Display(params (string Mime, string Content)[] data) =>
        new(data.ToDictionary(d => d.Mime, d => d.Content));

    /// <summary>A chart output as the engine produces it: HTML, Plotly JSON and plain text.</summary>
    public static DisplayDataOutput Chart() =>
        Display((MimeTypes.Html, ChartHtml), (MimeTypes.PlotlyJson, """{"data":[],"layout":{}}"""), (MimeTypes.PlainText, "Plotly chart (0 traces)"));

    /// <summary>A code cell whose source the reader must expand (<c>jupyter.source_hidden</c>).</summary>
    public static NotebookCell HiddenSetup(string source)
    {
        var cell = Ran(source, 1);
        cell.Metadata["jupyter"] = new JsonObject { ["source_hidden"] = true };
        return cell;
    }

    /// <summary>
    /// A page titled <paramref name="title"/> with a summary paragraph and the given cells; when the course has a
    /// notebook of that stem, the page names the same lecture as that notebook's metadata.
    /// </summary>
    public static BookPage Page(string stem, string title, params NotebookCell[] cells)
    {
        var notebook = NotebookDocument.CreateCSharp([NotebookCell.Markdown($"# {title}\n\nWhat {title} teaches."), .. cells]);
        var course = Path.Combine(Support.Notebooks.RepoRoot, "notebooks", stem + ".ipynb");
        if (File.Exists(course) && NotebookDocument.Load(course).Metadata["course"]?["lecture"] is { } lecture)
            notebook.Metadata["course"] = new JsonObject { ["lecture"] = lecture.DeepClone() };
        return new(stem, notebook, null, TimeSpan.FromSeconds(1.5));
    }

    /// <summary>The HTML of <paramref name="page"/> rendered alone.</summary>
    public static string Render(BookPage page) => PageRenderer.Render(page, [page]);

    /// <summary>The HTML of a one-page book made of these cells.</summary>
    public static string Render(params NotebookCell[] cells) => Render(Page("01-test", "Test", cells));
}
