using System.Text.Json.Nodes;

namespace Course.Notebooks.Html;

/// <summary>One lecture of the course outline and the book's notebooks that follow it, in stem order.</summary>
/// <param name="Title">The lecture's topic, e.g. <c>Convolutional neural networks</c>.</param>
/// <param name="Pages">Its notebooks.</param>
internal sealed record OutlinePart(string Title, IReadOnlyList<BookPage> Pages);

/// <summary>Groups the book's notebooks under the lectures they follow: lecture → notebook → sections.</summary>
/// <remarks>
/// A notebook names its lecture in its metadata (<c>"course": {"lecture": "…"}</c>); without it, the course's
/// fixed notebook numbers (DESIGN.md) decide, following the lectures in <c>seeds/</c>: the DL Seminar's
/// maximum likelihood (01), Lecture 11's CNN (02–04), RNN/LSTM and Lecture 9's ConvLSTM (05–06), the
/// autoencoder lectures (07–09) and VAE and GAN (10–11). Consecutive notebooks of one lecture form one part.
/// </remarks>
internal static class CourseOutline
{
    private static readonly (int First, int Last, string Lecture)[] lectures =
    [
        (0, 0, "Getting started"),
        (1, 1, "From maximum likelihood to loss functions"),
        (2, 4, "Convolutional neural networks"),
        (5, 6, "Recurrent networks: RNN, LSTM and ConvLSTM"),
        (7, 9, "Autoencoders"),
        (10, 11, "Generative models: VAE and GAN"),
    ];

    /// <summary>The title of the lecture <paramref name="page"/> follows.</summary>
    public static string Lecture(BookPage page)
    {
        if (page.Notebook.Metadata["course"] is JsonObject course && course["lecture"] is JsonValue value &&
            value.TryGetValue(out string? named) && !string.IsNullOrWhiteSpace(named))
            return named.Trim();
        if (page.Number is { } digits && int.TryParse(digits, out var number))
            foreach (var (first, last, lecture) in lectures)
                if (number >= first && number <= last) return lecture;
        return "More notebooks";
    }

    /// <summary>The pages in stem order, split where the lecture changes.</summary>
    public static IReadOnlyList<OutlinePart> Parts(IEnumerable<BookPage> pages)
    {
        var parts = new List<OutlinePart>();
        foreach (var page in pages.OrderBy(p => p.Stem, StringComparer.Ordinal))
        {
            var lecture = Lecture(page);
            if (parts.Count > 0 && parts[^1].Title == lecture) ((List<BookPage>)parts[^1].Pages).Add(page);
            else parts.Add(new OutlinePart(lecture, new List<BookPage> { page }));
        }
        return parts;
    }
}
