using System.Text.Json.Nodes;
using Course.Notebooks.Document;
using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Course.Notebooks.Html;

/// <summary>Renders the Markdown cells of one page with Markdig, collecting the table of contents.</summary>
/// <remarks>
/// Advanced extensions (tables, footnotes, auto identifiers, and math, Markdig's <c>UseMathematics</c>):
/// <c>$x$</c> becomes <c>&lt;span class="math"&gt;\(x\)&lt;/span&gt;</c>; <c>$$x$$</c> as a paragraph or on lines
/// of its own (also over several lines, see <see cref="DisplayMath"/>) a <c>&lt;div class="math"&gt;\[x\]&lt;/div&gt;</c>,
/// and inside a sentence a <c>&lt;span class="math display"&gt;\[x\]&lt;/span&gt;</c>. The TeX is kept verbatim
/// (HTML-escaped) for KaTeX, which <c>assets/book.js</c> runs in the browser. Heading ids stay unique across all cells of the page.
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
        var doc = Markdown.Parse(DisplayMath.Normalize(Answers(markdown)), pipeline);
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
            foreach (var block in Markdown.Parse(DisplayMath.Normalize(cell.Source), pipeline))
            {
                if (block is HeadingBlock { Level: 1 }) seenTitle = true;
                else if (seenTitle && block is ParagraphBlock paragraph) return InlineHtml(paragraph);
            }
        return null;
    }

    /// <summary>The notebook's <c>##</c> headings with the anchor ids its page gives them (the page renders the cells in the same order).</summary>
    public static IReadOnlyList<TocEntry> Sections(NotebookDocument notebook)
    {
        var renderer = new MarkdownRenderer();
        foreach (var cell in notebook.Cells.Where(c => c.Type == CellType.Markdown)) renderer.Render(cell.Source, cell.Attachments);
        return renderer.Toc.Where(e => e.Level == 2).ToList();
    }

    /// <summary>A one-line Markdown text (a title) as inline HTML.</summary>
    public static string Inline(string markdown)
    {
        var paragraph = Markdown.Parse(markdown, pipeline).OfType<LeafBlock>().FirstOrDefault();
        return paragraph is null ? HtmlText.Escape(markdown) : InlineHtml(paragraph);
    }

    /// <summary>
    /// A questionnaire's answer regions (<see cref="Grading.ExerciseMarkers.BeginAnswer"/> … <see cref="Grading.ExerciseMarkers.EndAnswer"/>)
    /// become folded <c>&lt;details class="answer"&gt;</c> blocks, closed until the reader opens them, as in d2l.ai's
    /// exercises; the blank lines keep what is inside Markdown. A release has no such regions.
    /// </summary>
    private static string Answers(string markdown)
    {
        if (!markdown.Contains(Grading.ExerciseMarkers.BeginAnswer, StringComparison.Ordinal)) return markdown;
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i][..(lines[i].Length - lines[i].TrimStart().Length)];
            lines[i] = lines[i].Trim() switch
            {
                Grading.ExerciseMarkers.BeginAnswer => $"{indent}<details class=\"answer\"><summary>Answer</summary>\n",
                Grading.ExerciseMarkers.EndAnswer => $"\n{indent}</details>\n",
                _ => lines[i],
            };
        }
        return string.Join('\n', lines);
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
        var renderer = NewRenderer(writer);
        renderer.Render(doc);
        writer.Flush();
        return writer.ToString();
    }

    private static string InlineHtml(LeafBlock block)
    {
        using var writer = new StringWriter();
        var renderer = NewRenderer(writer);
        renderer.WriteLeafInline(block);
        writer.Flush();
        return writer.ToString().Trim();
    }

    private static HtmlRenderer NewRenderer(TextWriter writer)
    {
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<ParagraphRenderer>(new DisplayMathParagraphRenderer());
        renderer.ObjectRenderers.Replace<HtmlMathInlineRenderer>(new DisplayAwareMathInlineRenderer());
        return renderer;
    }

    /// <summary><c>$$x$$</c> inside a sentence is display math, as in Jupyter: <c>&lt;span class="math display"&gt;\[x\]&lt;/span&gt;</c>.</summary>
    private sealed class DisplayAwareMathInlineRenderer : HtmlMathInlineRenderer
    {
        protected override void Write(HtmlRenderer renderer, MathInline math)
        {
            if (math.DelimiterCount != 2 || !renderer.EnableHtmlForInline)
            {
                base.Write(renderer, math);
                return;
            }
            renderer.Write("<span class=\"math display\">\\[");
            renderer.WriteEscape(math.Content.ToString().Trim());
            renderer.Write("\\]</span>");
        }
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
