namespace Microsoft.DotNet.Interactive.Formatting;

/// <summary>The HTML tags as <see cref="PocketView"/>s: <c>using static Microsoft.DotNet.Interactive.Formatting.PocketViewTags;</c> then <c>div(b("bold"), " text")</c>.</summary>
/// <remarks>As in .NET Interactive; each property returns a new, empty element (<c>dynamic</c>, so it can be indexed and called).</remarks>
public static class PocketViewTags
{
    /// <summary><c>&lt;a&gt;</c>.</summary>
    public static dynamic a => new PocketView("a");

    /// <summary><c>&lt;abbr&gt;</c>.</summary>
    public static dynamic abbr => new PocketView("abbr");

    /// <summary><c>&lt;address&gt;</c>.</summary>
    public static dynamic address => new PocketView("address");

    /// <summary><c>&lt;article&gt;</c>.</summary>
    public static dynamic article => new PocketView("article");

    /// <summary><c>&lt;aside&gt;</c>.</summary>
    public static dynamic aside => new PocketView("aside");

    /// <summary><c>&lt;audio&gt;</c>.</summary>
    public static dynamic audio => new PocketView("audio");

    /// <summary><c>&lt;b&gt;</c>.</summary>
    public static dynamic b => new PocketView("b");

    /// <summary><c>&lt;blockquote&gt;</c>.</summary>
    public static dynamic blockquote => new PocketView("blockquote");

    /// <summary><c>&lt;body&gt;</c>.</summary>
    public static dynamic body => new PocketView("body");

    /// <summary><c>&lt;br&gt;</c>.</summary>
    public static dynamic br => new PocketView("br");

    /// <summary><c>&lt;button&gt;</c>.</summary>
    public static dynamic button => new PocketView("button");

    /// <summary><c>&lt;canvas&gt;</c>.</summary>
    public static dynamic canvas => new PocketView("canvas");

    /// <summary><c>&lt;caption&gt;</c>.</summary>
    public static dynamic caption => new PocketView("caption");

    /// <summary><c>&lt;cite&gt;</c>.</summary>
    public static dynamic cite => new PocketView("cite");

    /// <summary><c>&lt;code&gt;</c>.</summary>
    public static dynamic code => new PocketView("code");

    /// <summary><c>&lt;col&gt;</c>.</summary>
    public static dynamic col => new PocketView("col");

    /// <summary><c>&lt;colgroup&gt;</c>.</summary>
    public static dynamic colgroup => new PocketView("colgroup");

    /// <summary><c>&lt;dd&gt;</c>.</summary>
    public static dynamic dd => new PocketView("dd");

    /// <summary><c>&lt;del&gt;</c>.</summary>
    public static dynamic del => new PocketView("del");

    /// <summary><c>&lt;details&gt;</c>.</summary>
    public static dynamic details => new PocketView("details");

    /// <summary><c>&lt;dfn&gt;</c>.</summary>
    public static dynamic dfn => new PocketView("dfn");

    /// <summary><c>&lt;dialog&gt;</c>.</summary>
    public static dynamic dialog => new PocketView("dialog");

    /// <summary><c>&lt;div&gt;</c>.</summary>
    public static dynamic div => new PocketView("div");

    /// <summary><c>&lt;dl&gt;</c>.</summary>
    public static dynamic dl => new PocketView("dl");

    /// <summary><c>&lt;dt&gt;</c>.</summary>
    public static dynamic dt => new PocketView("dt");

    /// <summary><c>&lt;em&gt;</c>.</summary>
    public static dynamic em => new PocketView("em");

    /// <summary><c>&lt;embed&gt;</c>.</summary>
    public static dynamic embed => new PocketView("embed");

    /// <summary><c>&lt;fieldset&gt;</c>.</summary>
    public static dynamic fieldset => new PocketView("fieldset");

    /// <summary><c>&lt;figcaption&gt;</c>.</summary>
    public static dynamic figcaption => new PocketView("figcaption");

    /// <summary><c>&lt;figure&gt;</c>.</summary>
    public static dynamic figure => new PocketView("figure");

    /// <summary><c>&lt;footer&gt;</c>.</summary>
    public static dynamic footer => new PocketView("footer");

    /// <summary><c>&lt;form&gt;</c>.</summary>
    public static dynamic form => new PocketView("form");

    /// <summary><c>&lt;h1&gt;</c>.</summary>
    public static dynamic h1 => new PocketView("h1");

    /// <summary><c>&lt;h2&gt;</c>.</summary>
    public static dynamic h2 => new PocketView("h2");

    /// <summary><c>&lt;h3&gt;</c>.</summary>
    public static dynamic h3 => new PocketView("h3");

    /// <summary><c>&lt;h4&gt;</c>.</summary>
    public static dynamic h4 => new PocketView("h4");

    /// <summary><c>&lt;h5&gt;</c>.</summary>
    public static dynamic h5 => new PocketView("h5");

    /// <summary><c>&lt;h6&gt;</c>.</summary>
    public static dynamic h6 => new PocketView("h6");

    /// <summary><c>&lt;head&gt;</c>.</summary>
    public static dynamic head => new PocketView("head");

    /// <summary><c>&lt;header&gt;</c>.</summary>
    public static dynamic header => new PocketView("header");

    /// <summary><c>&lt;hr&gt;</c>.</summary>
    public static dynamic hr => new PocketView("hr");

    /// <summary><c>&lt;html&gt;</c>.</summary>
    public static dynamic html => new PocketView("html");

    /// <summary><c>&lt;i&gt;</c>.</summary>
    public static dynamic i => new PocketView("i");

    /// <summary><c>&lt;iframe&gt;</c>.</summary>
    public static dynamic iframe => new PocketView("iframe");

    /// <summary><c>&lt;img&gt;</c>.</summary>
    public static dynamic img => new PocketView("img");

    /// <summary><c>&lt;input&gt;</c>.</summary>
    public static dynamic input => new PocketView("input");

    /// <summary><c>&lt;ins&gt;</c>.</summary>
    public static dynamic ins => new PocketView("ins");

    /// <summary><c>&lt;kbd&gt;</c>.</summary>
    public static dynamic kbd => new PocketView("kbd");

    /// <summary><c>&lt;label&gt;</c>.</summary>
    public static dynamic label => new PocketView("label");

    /// <summary><c>&lt;legend&gt;</c>.</summary>
    public static dynamic legend => new PocketView("legend");

    /// <summary><c>&lt;li&gt;</c>.</summary>
    public static dynamic li => new PocketView("li");

    /// <summary><c>&lt;link&gt;</c>.</summary>
    public static dynamic link => new PocketView("link");

    /// <summary><c>&lt;main&gt;</c>.</summary>
    public static dynamic main => new PocketView("main");

    /// <summary><c>&lt;mark&gt;</c>.</summary>
    public static dynamic mark => new PocketView("mark");

    /// <summary><c>&lt;menu&gt;</c>.</summary>
    public static dynamic menu => new PocketView("menu");

    /// <summary><c>&lt;meta&gt;</c>.</summary>
    public static dynamic meta => new PocketView("meta");

    /// <summary><c>&lt;meter&gt;</c>.</summary>
    public static dynamic meter => new PocketView("meter");

    /// <summary><c>&lt;nav&gt;</c>.</summary>
    public static dynamic nav => new PocketView("nav");

    /// <summary><c>&lt;noscript&gt;</c>.</summary>
    public static dynamic noscript => new PocketView("noscript");

    /// <summary><c>&lt;ol&gt;</c>.</summary>
    public static dynamic ol => new PocketView("ol");

    /// <summary><c>&lt;optgroup&gt;</c>.</summary>
    public static dynamic optgroup => new PocketView("optgroup");

    /// <summary><c>&lt;option&gt;</c>.</summary>
    public static dynamic option => new PocketView("option");

    /// <summary><c>&lt;output&gt;</c>.</summary>
    public static dynamic output => new PocketView("output");

    /// <summary><c>&lt;p&gt;</c>.</summary>
    public static dynamic p => new PocketView("p");

    /// <summary><c>&lt;param&gt;</c>.</summary>
    public static dynamic param => new PocketView("param");

    /// <summary><c>&lt;pre&gt;</c>.</summary>
    public static dynamic pre => new PocketView("pre");

    /// <summary><c>&lt;progress&gt;</c>.</summary>
    public static dynamic progress => new PocketView("progress");

    /// <summary><c>&lt;q&gt;</c>.</summary>
    public static dynamic q => new PocketView("q");

    /// <summary><c>&lt;s&gt;</c>.</summary>
    public static dynamic s => new PocketView("s");

    /// <summary><c>&lt;samp&gt;</c>.</summary>
    public static dynamic samp => new PocketView("samp");

    /// <summary><c>&lt;script&gt;</c>.</summary>
    public static dynamic script => new PocketView("script");

    /// <summary><c>&lt;section&gt;</c>.</summary>
    public static dynamic section => new PocketView("section");

    /// <summary><c>&lt;select&gt;</c>.</summary>
    public static dynamic select => new PocketView("select");

    /// <summary><c>&lt;small&gt;</c>.</summary>
    public static dynamic small => new PocketView("small");

    /// <summary><c>&lt;source&gt;</c>.</summary>
    public static dynamic source => new PocketView("source");

    /// <summary><c>&lt;span&gt;</c>.</summary>
    public static dynamic span => new PocketView("span");

    /// <summary><c>&lt;strong&gt;</c>.</summary>
    public static dynamic strong => new PocketView("strong");

    /// <summary><c>&lt;style&gt;</c>.</summary>
    public static dynamic style => new PocketView("style");

    /// <summary><c>&lt;sub&gt;</c>.</summary>
    public static dynamic sub => new PocketView("sub");

    /// <summary><c>&lt;summary&gt;</c>.</summary>
    public static dynamic summary => new PocketView("summary");

    /// <summary><c>&lt;sup&gt;</c>.</summary>
    public static dynamic sup => new PocketView("sup");

    /// <summary><c>&lt;svg&gt;</c>.</summary>
    public static dynamic svg => new PocketView("svg");

    /// <summary><c>&lt;table&gt;</c>.</summary>
    public static dynamic table => new PocketView("table");

    /// <summary><c>&lt;tbody&gt;</c>.</summary>
    public static dynamic tbody => new PocketView("tbody");

    /// <summary><c>&lt;td&gt;</c>.</summary>
    public static dynamic td => new PocketView("td");

    /// <summary><c>&lt;textarea&gt;</c>.</summary>
    public static dynamic textarea => new PocketView("textarea");

    /// <summary><c>&lt;tfoot&gt;</c>.</summary>
    public static dynamic tfoot => new PocketView("tfoot");

    /// <summary><c>&lt;th&gt;</c>.</summary>
    public static dynamic th => new PocketView("th");

    /// <summary><c>&lt;thead&gt;</c>.</summary>
    public static dynamic thead => new PocketView("thead");

    /// <summary><c>&lt;time&gt;</c>.</summary>
    public static dynamic time => new PocketView("time");

    /// <summary><c>&lt;title&gt;</c>.</summary>
    public static dynamic title => new PocketView("title");

    /// <summary><c>&lt;tr&gt;</c>.</summary>
    public static dynamic tr => new PocketView("tr");

    /// <summary><c>&lt;u&gt;</c>.</summary>
    public static dynamic u => new PocketView("u");

    /// <summary><c>&lt;ul&gt;</c>.</summary>
    public static dynamic ul => new PocketView("ul");

    /// <summary><c>&lt;var&gt;</c>.</summary>
    public static dynamic @var => new PocketView("var");

    /// <summary><c>&lt;video&gt;</c>.</summary>
    public static dynamic video => new PocketView("video");

    /// <summary>An element with any tag name, e.g. <c>Tag("my-widget")</c>.</summary>
    public static dynamic Tag(string name) => new PocketView(name);
}
