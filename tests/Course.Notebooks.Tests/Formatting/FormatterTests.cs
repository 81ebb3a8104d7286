using Course.Notebooks.Formatting;
using Microsoft.DotNet.Interactive.Formatting;

namespace Course.Notebooks.Tests.Formatting;

/// <summary>Registrations are process-wide; each test registers for types only it uses.</summary>
public class FormatterTests
{
    public class Animal;
    public sealed class Dog : Animal;
    public sealed class Cat : Animal;
    public sealed class Box<T>(T value) { public T Value { get; } = value; }
    public sealed record Point(int X, int Y);
    public sealed record Pair(int A, int B);
    public sealed record Gauge(double Level);
    public sealed class Node { public string Name { get; init; } = "n"; public Node? Next { get; set; } }

    [Fact]
    public void TheMostSpecificRegistrationWins()
    {
        Formatter.Register<Animal>(_ => "animal");
        Formatter.Register<Dog>(_ => "dog");
        Assert.Equal("dog", new Dog().ToDisplayString());
        Assert.Equal("animal", new Cat().ToDisplayString());
    }

    [Fact]
    public void AnOpenGenericRegistrationCoversItsConstructedTypes()
    {
        Formatter.Register(typeof(Box<>), (box, writer) => writer.Write("a box"), "text/html");
        Assert.Equal("a box", new Box<int>(1).ToDisplayString("text/html"));
        Assert.Equal("a box", DisplayBundle.For(new Box<string>("s"))["text/html"]);
    }

    [Fact]
    public void TheLaterOfTwoEqualRegistrationsWins()
    {
        Formatter.Register<Point>(p => "first");
        Formatter.Register<Point>(p => $"({p.X}, {p.Y})");
        Assert.Equal("(1, 2)", new Point(1, 2).ToDisplayString());
    }

    [Fact]
    public void ARegisteredTypeShowsOnlyItsRegisteredFormatsAndPlainText()
    {
        Formatter.Register<Pair>((p, writer) => writer.Write($"<b>{p.A}</b>"), "text/html");
        var bundle = DisplayBundle.For(new Pair(1, 2));
        Assert.Equal(["text/html", "text/plain"], bundle.Keys.Order());
        Assert.Equal("Pair { A = 1, B = 2 }", bundle["text/plain"]);
    }

    [Fact]
    public void PreferredMimeTypesNarrowTheBundle()
    {
        Formatter.SetPreferredMimeTypesFor(typeof(Gauge), "text/plain");
        Assert.Equal(["text/plain"], DisplayBundle.For(new Gauge(0.5)).Keys);
        Assert.Equal(["text/plain"], Formatter.GetPreferredMimeTypesFor(typeof(Gauge)));
    }

    [Fact]
    public void DisplayWithMimeTypesShowsOnlyThose() =>
        Assert.Equal(["text/html"], DisplayBundle.For(new DisplayRequest(new Point(3, 4) with { }, ["text/html"])).Keys);

    [Fact]
    public void HtmlOfPlainValuesIsEncodedText() =>
        Assert.Equal("<div class=\"dni-plaintext\"><pre>&lt;b&gt;</pre></div>", "<b>".ToDisplayString("text/html"));

    [Fact]
    public void ASelfReferenceEndsAtTwoLevels()
    {
        var node = new Node();
        node.Next = node;
        var bundle = DisplayBundle.For(node);
        Assert.Equal("Node { Name: n, Next: Node { Name: n, Next: Course.Notebooks.Tests.Formatting.FormatterTests+Node } }", bundle["text/plain"]);
        Assert.Contains("<th>Name</th><th>Next</th>", bundle["text/html"]);
    }

    [Theory]
    [InlineData(null, "<null>")]
    [InlineData(3.5, "3.5")]
    [InlineData("text", "text")]
    public void ScalarsAreTheirText(object? value, string expected) => Assert.Equal(expected, Assert.Single(DisplayBundle.For(value)).Value);
}
