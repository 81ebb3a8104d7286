using Xunit;
using Course.Grading;
using static TorchSharp.torch;

namespace Course.Tests.Grading;

/// <summary>The one judge of checks, used in notebooks and by the grader.</summary>
public class ComparisonTests
{
    private static string? Judge(string check, object? actual, object? expected, double tolerance = 0) =>
        Comparison.Judge(check, CheckValue.From(actual), CheckValue.From(expected), tolerance, "x");

    [Theory]
    [InlineData(5, 5L, null)]
    [InlineData(5, 5.0, null)]
    [InlineData(4, 5, "x should be 5, got 4")]
    [InlineData("4×4", "4×4", null)]
    [InlineData("4×3", "4×4", "x should be \"4×4\", got \"4×3\"")]
    [InlineData(true, true, null)]
    [InlineData(false, true, "x should be true, got false")]
    [InlineData(null, 0, "x should be 0, got null")]
    public void EqualComparesScalarsByValue(object? actual, object? expected, string? message) => Assert.Equal(message, Judge("Equal", actual, expected));

    [Fact]
    public void EqualComparesArraysElementByElementAndNamesThePosition()
    {
        Assert.Null(Judge("Equal", new long[] { 0, 1, 0 }, tensor(new long[] { 0, 1, 0 })));
        Assert.Equal("x differs at [1, 0]: should be 3, got 4", Judge("Equal", new[,] { { 1, 2 }, { 4, 4 } }, new[,] { { 1, 2 }, { 3, 4 } }));
        Assert.Equal("x should have shape (3), got (2)", Judge("Equal", new[] { 1, 2 }, new[] { 1, 2, 3 }));
    }

    [Fact]
    public void CloseUsesTheToleranceAndFailsOnNaN()
    {
        Assert.Null(Judge("Close", 0.3001, 0.3, 1e-3));
        Assert.Equal("x should be 0 (± 1E-06), got 0.31", Judge("Close", 0.31, 0.0, 1e-6));
        Assert.NotNull(Judge("Close", double.NaN, 0.0, 1));
        Assert.Equal("x differs at [1, 1]: should be 0 (± 0.01), got NaN", Judge("Close", new[,] { { 0f, 0f }, { 0f, float.NaN } }, new float[2, 2], 0.01));
        Assert.Equal("x should be 1 (± 0), got \"one\"", Judge("Close", "one", 1.0));
    }

    [Fact]
    public void ShapeAndThatSayWhatWasExpected()
    {
        Assert.Equal("x should have shape (3, 2), got (2, 3)",
            Comparison.Judge("Shape", CheckValue.OfShape([2, 3]), CheckValue.OfShape([3, 2]), 0, "x"));
        Assert.Null(Judge("That", true, true));
        Assert.Equal("x", Judge("That", false, true));
    }

    [Fact]
    public void ValuesTooLargeToCheckAreRefusedByName()
    {
        var e = Assert.Throws<ArgumentException>(() => CheckValue.From(zeros(1001, 1000)));
        Assert.Contains("(1001, 1000)", e.Message);
    }

    [Fact]
    public void ValuesSurviveTheTripBetweenProcesses()
    {
        var options = new System.Text.Json.JsonSerializerOptions { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };
        foreach (var value in new object?[] { null, true, 42L, 0.1 + 0.2, "text", tensor(new[] { 1f, float.NaN, float.PositiveInfinity }), new float[,] { { 1, 2 } } })
        {
            var original = CheckValue.From(value);
            var copy = System.Text.Json.JsonSerializer.Deserialize<CheckValue>(System.Text.Json.JsonSerializer.Serialize(original, options), options)!;
            Assert.Null(Comparison.Judge("Equal", copy, original, 0, "x") is { } m && !m.Contains("NaN") ? m : null);
        }
    }
}
