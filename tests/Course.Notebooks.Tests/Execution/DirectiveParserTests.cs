using Course.Notebooks.Execution;

namespace Course.Notebooks.Tests.Execution;

public class DirectiveParserTests
{
    [Theory]
    [InlineData("#r \"nuget: TorchSharp-cpu, 0.107.0\"", "TorchSharp-cpu", "0.107.0")]
    [InlineData("#r \"nuget:Course\"", "Course", null)]
    [InlineData("#r \"nuget: Plotly.NET.CSharp, 0.14.0\"", "Plotly.NET.CSharp", "0.14.0")]
    [InlineData("#r \"nuget: NodaTime, [3.0, 4.0)\"", "NodaTime", "[3.0, 4.0)")]
    [InlineData("#r \"nuget: MathNet.Numerics, 5.*\"", "MathNet.Numerics", "5.*")]
    [InlineData("#r \"nuget: System.Reactive, 6.0.1-preview.1\"", "System.Reactive", "6.0.1-preview.1")]
    [InlineData("#r \"nuget: NodaTime, \"", "NodaTime", null)]
    public void NuGetReferencesAreParsed(string line, string id, string? version)
    {
        var (directives, code) = DirectiveParser.Parse(line + "\nvar x = 1;");
        var reference = Assert.IsType<NuGetReference>(Assert.Single(directives));
        Assert.Equal((id, version), (reference.Id, reference.Version));
        Assert.Equal("\nvar x = 1;", code);
    }

    [Theory]
    [InlineData("#r \"../lib/My.dll\"", typeof(FileReference))]
    [InlineData("#i \"nuget: ../packages\"", typeof(PackageSource))]
    [InlineData("#!import helpers.csx", typeof(ImportFile))]
    [InlineData("#!time", typeof(TimeCell))]
    [InlineData("#!fsharp", typeof(UnsupportedDirective))]
    [InlineData("#!pwsh", typeof(UnsupportedDirective))]
    [InlineData("#r nuget: Course", typeof(UnsupportedDirective))]
    public void EachDirectiveFormIsRecognised(string line, Type expected) =>
        Assert.IsType(expected, Assert.Single(DirectiveParser.Parse(line).Directives));

    [Fact]
    public void CSharpKernelSwitchIsConsumedAndLinesKeepTheirNumbers()
    {
        var (directives, code) = DirectiveParser.Parse("#!csharp\nvar a = 1;\n#r \"nuget: Course\"\nvar b = 2;");
        Assert.Single(directives);
        Assert.Equal(["", "var a = 1;", "", "var b = 2;"], code.Split('\n'));
    }
}
