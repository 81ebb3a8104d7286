using Course.Notebooks.Grading;

namespace Course.Notebooks.Tests.Grading;

/// <summary>What a student's cells may not use, found with Roslyn's semantic model before anything runs.</summary>
public class SubmissionAuditTests
{
    private static SubmissionAudit Inspect(string studentCell) => SubmissionAudit.Inspect(
    [
        new SubmissionCell("#r \"nuget: Course\"\nusing Course.Cnn;\nusing static TorchSharp.torch;", ByStudent: false, 1),
        new SubmissionCell("float[,] Helper(float[,] x) => x;", ByStudent: false, 2),   // the key's cells may use anything
        new SubmissionCell(studentCell, ByStudent: true, 3),
    ]);

    [Theory]
    [InlineData("typeof(Console).GetMethod(\"WriteLine\", [typeof(string)])!.Invoke(null, [\"x\"]);", "System.Reflection.MethodBase.Invoke", "reflection")]
    [InlineData("dynamic d = 1; d.Foo();", "dynamic", "late binding")]
    [InlineData("var a = System.Reflection.Assembly.LoadFrom(\"x.dll\");", "System.Reflection.Assembly", "reflection")]
    [InlineData("System.Runtime.Loader.AssemblyLoadContext.Default.LoadFromAssemblyPath(\"/x.dll\");", "System.Runtime.Loader.AssemblyLoadContext", "loading assemblies")]
    [InlineData("unsafe { int x = 1; }", "unsafe { … }", "unsafe code")]
    [InlineData("int x = 1; int* p = &x;", "a pointer type", "unsafe code")]
    [InlineData("var s = Console.OpenStandardOutput();", "System.Console.OpenStandardOutput", "the raw standard streams")]
    [InlineData("System.Diagnostics.Process.Start(\"sh\");", "System.Diagnostics.Process", "starting processes")]
    [InlineData("var t = Type.GetType(\"Course.Grading.Probe, Course\");", "System.Type.GetType", "reflection")]
    [InlineData("Course.Grading.Probe.Value(0, 6);", "Course.Grading.Probe", "the grader's internals")]
    // Cells no longer see any Microsoft.CodeAnalysis namespace (Microsoft's Formatting assembly brought one), so compiling code is shown with expression trees.
    [InlineData("var f = System.Linq.Expressions.Expression.Lambda<Func<int>>(System.Linq.Expressions.Expression.Constant(1)).Compile();", "System.Linq.Expressions", "compiling code")]
    public void RulesThatHoldEverywhereNameTheCallAndItsCell(string code, string symbol, string reason)
    {
        var violation = Assert.Single(Inspect(code).Everywhere);
        Assert.StartsWith(symbol, violation.Symbol);
        Assert.Equal(reason, violation.Reason);
        Assert.StartsWith("cell 3, line 1", violation.Where);
    }

    [Fact]
    public void HonestCodeIsNotFlagged()
    {
        var audit = Inspect("float[,] Relu(float[,] x)\n{\n    var y = new float[x.GetLength(0), x.GetLength(1)];\n    var t = zeros(3).relu();\n    Console.WriteLine(x.GetType().Name);\n    return Helper(y);\n}");
        Assert.Empty(audit.Everywhere);
        Assert.Null(audit.Forbidden(["Course.Cnn.ByHand"]));
    }

    [Theory]
    [InlineData("float[,] Conv(float[,] x, float[,] k) => ByHand.Conv2d(x, k);", "Course.Cnn.ByHand", "Course.Cnn.ByHand.Conv2d")]
    [InlineData("Func<float[,], float[,]> r = ByHand.Relu;", "Course.Cnn.ByHand.Relu", "Course.Cnn.ByHand.Relu")]
    [InlineData("var y = zeros(1, 1, 4, 4).relu();", "TorchSharp.torch.Tensor.relu", "TorchSharp.torch.Tensor.relu")]
    [InlineData("var y = TorchSharp.torch.nn.functional.conv2d(zeros(1, 1, 3, 3), zeros(1, 1, 2, 2));", "TorchSharp.torch.nn.functional", "TorchSharp.torch.nn.functional.conv2d")]
    public void AnExercisesForbidListIsMatchedByFullName(string code, string forbid, string reported)
    {
        var audit = Inspect(code);
        Assert.Empty(audit.Everywhere);
        Assert.Equal(reported, audit.Forbidden([forbid])?.Symbol);
        Assert.Null(audit.Forbidden(["Course.Autoencoders"]));
    }

    [Fact]
    public void ACellThatDoesNotCompileIsNamedByItsFirstLineAndError()
    {
        var error = Assert.Throws<Course.Notebooks.Document.NotebookFormatException>(() => SubmissionAudit.Inspect(
        [
            new SubmissionCell("int Twice(int x) => 2 * y;", ByStudent: true, 1),
            new SubmissionCell("Twice(3)", ByStudent: true, 2),
        ]));
        Assert.StartsWith("the cell starting \"int Twice(int x) => 2 * y;\" does not compile: The name 'y' does not exist", error.Message);
    }
}
