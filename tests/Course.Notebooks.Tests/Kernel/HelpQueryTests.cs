using Course.Notebooks.Kernel;

namespace Course.Notebooks.Tests.Kernel;

/// <summary>IPython's <c>name?</c> help syntax, told apart from C# that uses question marks.</summary>
public class HelpQueryTests
{
    [Theory]
    [InlineData("Console.WriteLine?", "Console.WriteLine")]
    [InlineData("?Math.Sqrt", "Math.Sqrt")]
    [InlineData("  numEpochs ?? \n", "numEpochs")]
    [InlineData("?? System . Math", "System.Math")]
    [InlineData("@class?", "@class")]
    [InlineData("x?.Length", null)]            // null-conditional access
    [InlineData("a ? b : c", null)]            // conditional expression
    [InlineData("x ?? y", null)]               // null coalescing
    [InlineData("int?", "int")]                // alone, a nullable type is no statement: a question
    [InlineData("Console.WriteLine(1)?", null)]
    [InlineData("?", null)]
    [InlineData("Console.WriteLine???", null)]
    public void FindsTheNameAskedAbout(string code, string? name) => Assert.Equal(name, HelpQuery.Target(code));

    [Fact]
    public void AHugeCellIsCodeNotAQuestion() =>
        Assert.Null(HelpQuery.Target(string.Join('.', Enumerable.Repeat("name", 200_000)) + "?"));
}
