using Course.Notebooks.Document;
using Course.Notebooks.Execution;
using Course.Notebooks.Grading;

namespace Course.Notebooks.Tests.Grading;

/// <summary>Grade cells as the key and the student's process run them.</summary>
public class GradeCellRewriterTests
{
    private static RewrittenGradeCell Rewrite(string gradeCell, params string[] before)
    {
        var compiler = new CellCompiler();
        compiler.Add("#r \"nuget: Course\"\nusing Course.Grading;\nusing Course.Cnn;\nusing TorchSharp;\nusing static TorchSharp.torch;");
        foreach (var cell in before) compiler.Add(cell);
        var (compilation, tree) = compiler.Add(gradeCell);
        return GradeCellRewriter.Rewrite(compilation, tree, "test cell");
    }

    [Fact]
    public void TheStudentSideReportsOnlyTheActualValue()
    {
        var cell = Rewrite("Check.Equal(Twice(3), 6, \"Twice(3)\");\n// BEGIN HIDDEN TESTS\nCheck.Close(Twice(-4), -8.5, 0.5, \"Twice(-4)\");\n// END HIDDEN TESTS",
                           "int Twice(int x) => 2 * x;");
        Assert.Equal(2, cell.Checks);
        Assert.Contains("global::Course.Grading.Probe.Value(0, Twice(3))", cell.Student);
        Assert.Contains("global::Course.Grading.Probe.Value(1, Twice(-4))", cell.Student);
        Assert.DoesNotContain("-8.5", cell.Student);
        Assert.DoesNotContain("HIDDEN", cell.Student);
        Assert.DoesNotContain("\"Twice(3)\"", cell.Student);
        Assert.Contains("global::Course.Grading.Probe.Expect(1, \"Close\", Twice(-4), -8.5, 0.5, \"Twice(-4)\")", cell.Key);
    }

    [Fact]
    public void LibraryNamesAreWrittenOutInFullSoAStudentCannotRedirectThem()
    {
        var cell = Rewrite("var rx = new float[2, 2];\nCheck.Close(Grid.MaxAbsDifference(rx, rx), 0, 1e-5, \"d\");\nvar t = randn(3);\nCheck.Shape(t, [3], \"t\");\nTensor u = zeros(2);\nvar pi = Math.PI;");
        Assert.Contains("global::Course.Cnn.Grid.MaxAbsDifference(rx, rx)", cell.Student);
        Assert.Contains("global::TorchSharp.torch.randn(3)", cell.Student);
        Assert.Contains("global::TorchSharp.torch.Tensor u = global::TorchSharp.torch.zeros(2)", cell.Student);
        Assert.Contains("global::System.Math.PI", cell.Student);
        Assert.Contains("global::Course.Grading.Probe.Shape(1, t)", cell.Student);
        Assert.Contains("global::Course.Grading.Probe.ExpectShape(1, t, [3], \"t\")", cell.Key);
        Assert.Contains("var rx", cell.Student);
    }

    [Fact]
    public void ALibraryNameOpeningAFormattedInterpolationHoleStillCompiles()
    {
        // `{global::X.Y:F4}` would read as the hole `global` with the format `:X.Y:F4`: the name goes in parentheses.
        var cell = Rewrite("Console.WriteLine($\"{Math.PI:F4} {Math.E,8:F2} {Math.Tau}\");\nCheck.Close(Math.PI, 3.14, 0.01, $\"π ≈ {Math.PI:F2}\");");
        Assert.Contains("{(global::System.Math.PI):F4} {(global::System.Math.E),8:F2} {(global::System.Math.Tau)}", cell.Student);
        foreach (var rewritten in new[] { cell.Student, cell.Key })
        {
            var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(rewritten, Microsoft.CodeAnalysis.CSharp.CSharpParseOptions.Default.WithKind(Microsoft.CodeAnalysis.SourceCodeKind.Script));
            Assert.Empty(tree.GetDiagnostics());
        }
    }

    [Fact]
    public void FullyQualifiedChecksAreFoundToo()
    {
        var cell = Rewrite("global::Course.Grading.Check.That(1 + 1 == 2, \"sums\");\nCourse.Grading.Check.Equal(\"a\", \"a\", \"text\");");
        Assert.Equal(2, cell.Checks);
        Assert.Contains("global::Course.Grading.Probe.Expect(0, \"That\", 1 + 1 == 2, true, 0, \"sums\")", cell.Key);
        Assert.Contains("global::Course.Grading.Probe.Value(1, \"a\")", cell.Student);
    }

    [Fact]
    public void NamedArgumentsAreRefusedWithTheCellNamed()
    {
        var e = Assert.Throws<NotebookFormatException>(() => Rewrite("Check.Equal(expected: 2, actual: 2, what: \"x\");"));
        Assert.Contains("test cell", e.Message);
    }
}
