namespace Course.Notebooks.Html;

/// <summary>One lecture of the course outline and the book's notebooks that follow it, in stem order.</summary>
/// <param name="Title">The lecture's topic, e.g. <c>Convolutional neural networks</c>.</param>
/// <param name="Pages">Its notebooks.</param>
internal sealed record OutlinePart(string Title, IReadOnlyList<BookPage> Pages);
