using Xunit;
using Course.Grading;
using static TorchSharp.torch;

namespace Course.Tests.Grading;

public class CheckTests
{
    [Fact]
    public void CloseNamesTheThingTheExpectedAndTheActualValue()
    {
        var e = Assert.Throws<GradeFailure>(() => Check.Close(0.31, 0, 1e-6, "KlDivergence(μ=0, logσ²=0)"));
        Assert.Equal("KlDivergence(μ=0, logσ²=0) should be 0 (± 1E-06), got 0.31", e.Message);
    }

    [Theory]
    [InlineData(1.0, 1.0, 0.0)]
    [InlineData(1.0, 1.05, 0.1)]
    public void CloseAcceptsValuesWithinTolerance(double actual, double expected, double tolerance) =>
        Check.Close(actual, expected, tolerance, "x");

    [Fact]
    public void CloseRejectsNaN() =>
        Assert.Throws<GradeFailure>(() => Check.Close(double.NaN, 0, 1, "loss"));

    [Fact]
    public void EqualShowsBothValues() =>
        Assert.Equal("OutputSize(7, 3, 1, 0) should be 5, got 4",
            Assert.Throws<GradeFailure>(() => Check.Equal(4, 5, "OutputSize(7, 3, 1, 0)")).Message);

    [Fact]
    public void TensorsAreComparedShapeFirst()
    {
        var e = Assert.Throws<GradeFailure>(() => Check.Close(zeros(2, 3), zeros(3, 2), 1e-6, "feature map"));
        Assert.Equal("feature map should have shape (3, 2), got (2, 3)", e.Message);
    }

    [Fact]
    public void TensorMismatchNamesTheWorstPosition()
    {
        var expected = zeros(2, 3);
        var actual = zeros(2, 3);
        actual[1, 2] = tensor(0.5f);
        var e = Assert.Throws<GradeFailure>(() => Check.Close(actual, expected, 1e-3, "pooled map"));
        Assert.Equal("pooled map differs at [1, 2]: should be 0 (± 0.001), got 0.5", e.Message);
    }

    [Fact]
    public void EqualTensorsPass() => Check.Close(ones(4), ones(4), 0, "ones");

    [Fact]
    public void ThatUsesTheGivenMessage() =>
        Assert.Equal("loss must decrease", Assert.Throws<GradeFailure>(() => Check.That(false, "loss must decrease")).Message);
}
