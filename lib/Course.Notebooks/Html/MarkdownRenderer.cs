using System.Text.Json.Nodes;
using Course.Notebooks.Document;
using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Course.Notebooks.Html;

/// <summary>One entry of a page's table of contents: a <c>##</c> or <c>###</c> heading.</summary>
/// <param name="Level">2 or 3.</param>
/// <param name="Id">The heading's anchor id, unique on the page.</param>
/// <param name="Html">The heading's text as inline HTML (math kept in spans).</param>
internal sealed record TocEntry(int Level, string Id, string Html);

/// <summary>Renders the Markdown cells of one page with Markdig, collecting the table of contents.</summary>
/// <remarks>
/// Advanced extensions (tables, footnotes, auto identifiers…) plus math: <c>$x$</c> becomes
/// <c>&lt;span class="math"&gt;\(x\)&lt;/span&gt;</c> and <c>$$x$$</c> a <c>&lt;div class="math"&gt;\[x\]&lt;/div&gt;</c>,
/// content untouched for KaTeX. Heading ids stay unique across all cells of the page.
/// </remarks>
internal sealed class MarkdownRenderer
{
    private static readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private readonly HashSet<string> usedIds = new(StringComparer.Ordinal);
    private readonly List<TocEntry> toc = [];

    /// <summary>The <c>##</c>/<c>###</c> headings rendered so far, in order.</summary>
    public IReadOnlyList<TocEntry> Toc => toc;

    /// <summary>Render one Markdown cell; <c>attachment:</c> images become data URIs from <paramref name="attachments"/>.</summary>
    public string Render(string markdown, JsonObject? attachments = null)
    {
        var doc = Markdown.Parse(markdown, pipeline);
        foreach (var heading in doc.Descendants<HeadingBlock>())
        {
            var attributes = heading.GetAttributes();
            attributes.Id = UniqueId(attributes.Id);
            if (heading.Level is 2 or 3) toc.Add(new TocEntry(heading.Level, attributes.Id, InlineHtml(heading)));
        }
        foreach (var link in doc.Descendants<LinkInline>())
            if (link.Url?.StartsWith("attachment:", StringComparison.Ordinal) == true && AttachmentUri(attachments, link.Url["attachment:".Length..]) is { } uri)
                link.Url = uri;
        return ToHtml(doc);
    }

    /// <summary>The notebook's first paragraph after its <c># </c> title, as inline HTML; null when there is none.</summary>
    public static string? Summary(NotebookDocument notebook)
    {
        var seenTitle = false;
        foreach (var cell in notebook.Cells.Where(c => c.Type == CellType.Markdown))
            foreach (var block in Markdown.Parse(cell.Source, pipeline))
            {
                if (block is HeadingBlock { Level: 1 }) seenTitle = true;
                else if (seenTitle && block is ParagraphBlock paragraph) return InlineHtml(paragraph);
            }
        return null;
    }

    /// <summary>A one-line Markdown text (a title) as inline HTML.</summary>
    public static string Inline(string markdown)
    {
        var paragraph = Markdown.Parse(markdown, pipeline).OfType<LeafBlock>().FirstOrDefault();
        return paragraph is null ? HtmlText.Escape(markdown) : InlineHtml(paragraph);
    }

    private string UniqueId(string? id)
    {
        var baseId = string.IsNullOrEmpty(id) ? "section" : id;
        var unique = baseId;
        for (var n = 1; !usedIds.Add(unique); n++) unique = $"{baseId}-{n}";
        return unique;
    }

    private static string? AttachmentUri(JsonObject? attachments, string name) =>
        attachments?[Uri.UnescapeDataString(name)] is JsonObject bundle && bundle.FirstOrDefault() is { Key: var mime, Value: JsonValue data }
            ? $"data:{mime};base64,{data.GetValue<string>().Replace("\n", "")}"
            : null;

    private static string ToHtml(MarkdownObject doc)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<ParagraphRenderer>(new DisplayMathParagraphRenderer());
        renderer.Render(doc);
        writer.Flush();
        return writer.ToString();
    }

    private static string InlineHtml(LeafBlock block)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        renderer.WriteLeafInline(block);
        writer.Flush();
        return writer.ToString().Trim();
    }

    /// <summary>A paragraph holding only <c>$$…$$</c> is display math: write it as Markdig writes a math block.</summary>
    private sealed class DisplayMathParagraphRenderer : ParagraphRenderer
    {
        protected override void Write(HtmlRenderer renderer, ParagraphBlock paragraph)
        {
            var parts = paragraph.Inline?.Where(i => i is not LineBreakInline && (i is not LiteralInline l || !l.Content.IsEmptyOrWhitespace())).ToList();
            if (parts is not [MathInline { DelimiterCount: 2 } math])
            {
                base.Write(renderer, paragraph);
                return;
            }
            renderer.EnsureLine();
            renderer.Write("<div class=\"math\">\n\\[");
            renderer.WriteEscape(math.Content.ToString().Trim());
            renderer.Write("\\]</div>");
            renderer.WriteLine();
        }
    }
}
