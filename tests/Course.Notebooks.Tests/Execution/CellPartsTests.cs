using Course.Notebooks.Execution;

namespace Course.Notebooks.Tests.Execution;

public class CellPartsTests
{
    [Theory]
    [InlineData("var x = 1;", "csharp", "csharp:1")]
    [InlineData("#!html\n<b>x</b>", "csharp", "html:1")]
    [InlineData("#!csharp\nvar x = 1;", "html", "csharp:1")]
    [InlineData("<p>first</p>\n#!c#\nvar x = 1;\n#!js\nalert(1)", "html", "html:1 csharp:2 javascript:4")]
    [InlineData("#!markdown\n\n# Title", "csharp", "markdown:1")]
    [InlineData("#!md\n", "csharp", "")]
    [InlineData("let x = 1", "fsharp", "fsharp:1")]
    [InlineData("x", "C#", "csharp:1")]
    public void ACellSplitsAtKernelMagics(string source, string cellKernel, string expected) =>
        Assert.Equal(expected, string.Join(' ', CellParts.Split(source, cellKernel).Select(p => $"{p.Kernel}:{p.Line}")));

    [Fact]
    public void CSharpPartsKeepTheCellsLineNumbers()
    {
        var parts = CellParts.Split("#!html\n<b>x</b>\n#!csharp\nvar x = 1;");
        Assert.Equal("<b>x</b>", parts[0].Code);
        Assert.Equal("\n\n\nvar x = 1;", parts[1].Code);
    }

    [Fact]
    public void ATimeMagicIsNotAKernel() => Assert.Equal("csharp", Assert.Single(CellParts.Split("#!time\nvar x = 1;")).Kernel);
}
