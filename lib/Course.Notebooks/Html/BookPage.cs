using Course.Notebooks.Document;

namespace Course.Notebooks.Html;

/// <summary>One executed notebook as a page of the web book (<c>&lt;stem&gt;.html</c>).</summary>
/// <param name="Stem">The notebook's file name without extension, e.g. <c>07-autoencoder</c>; pages are ordered by it.</param>
/// <param name="Notebook">The executed notebook, outputs included.</param>
/// <param name="Error">One-line failure message when the run stopped with an error; null when it succeeded.</param>
/// <param name="Elapsed">How long the notebook took to run.</param>
public sealed record BookPage(string Stem, NotebookDocument Notebook, string? Error, TimeSpan Elapsed)
{
    /// <summary>The page's title: the notebook's first <c># </c> heading, or its stem.</summary>
    public string Title => Notebook.Title ?? Stem;

    /// <summary>The chapter number: the stem's leading digits and the letters right after them (<c>07</c> for <c>07-autoencoder</c>, <c>04b</c> for <c>04b-modern-cnn</c>), or null.</summary>
    public string? Number
    {
        get
        {
            var digits = Stem.TakeWhile(char.IsAsciiDigit).Count();
            return digits > 0 ? Stem[..(digits + Stem.Skip(digits).TakeWhile(char.IsAsciiLetterLower).Count())] : null;
        }
    }

    /// <summary>The page's file name in the book folder.</summary>
    public string FileName => Stem + ".html";
}
