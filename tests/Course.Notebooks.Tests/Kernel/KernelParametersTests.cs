using Course.Notebooks.Kernel;

namespace Course.Notebooks.Tests.Kernel;

public class KernelParametersTests
{
    private static KernelParameters Of(params (string Name, string Value)[] overrides) =>
        new(overrides.ToDictionary(o => o.Name, o => o.Value));

    [Fact]
    public void AppendsAnAssignmentToTheFirstCellThatDeclaresTheVariable()
    {
        var parameters = Of(("numEpochs", "1"));
        Assert.Equal("Console.WriteLine(1);", parameters.Apply("Console.WriteLine(1);"));
        var applied = parameters.Apply("var numEpochs = 10;  // passes\nvar lr = 1e-3;");
        Assert.EndsWith("\nnumEpochs = 1;\n", applied);
        Assert.Equal("var numEpochs = 10;", parameters.Apply("var numEpochs = 10;"));
    }

    [Fact]
    public void WritesLiteralsOfTheDeclaredType()
    {
        var applied = Of(("lr", "0.5"), ("name", "a b")).Apply("double lr = 1e-3;\nstring name = \"x\";");
        Assert.Contains("lr = 0.5;", applied);
        Assert.Contains("name = \"a b\";", applied);
    }

    [Fact]
    public void LeavesACellWithAResultValueAlone() =>
        Assert.Equal("var numEpochs = 10;\nnumEpochs", Of(("numEpochs", "1")).Apply("var numEpochs = 10;\nnumEpochs"));

    [Fact]
    public void RejectsAValueOfTheWrongType() =>
        Assert.Throws<ArgumentException>(() => Of(("numEpochs", "many")).Apply("var numEpochs = 10;"));
}
