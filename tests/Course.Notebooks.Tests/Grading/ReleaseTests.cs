using Course.Notebooks.Document;
using Course.Notebooks.Grading;

namespace Course.Notebooks.Tests.Grading;

public class ReleaseTests
{
    private static NotebookDocument Key() => GradingSamples.Key();

    [Fact]
    public void SolutionRegionsBecomeNotImplementedAtTheirIndentation()
    {
        var student = Release.Make(Key(), "key.ipynb");
        var exercise = student.Cells.First(c => c.HasTag("exercise"));
        Assert.Equal("int Twice(int x)\n{\n    throw new NotImplementedException();\n}", exercise.Source);
    }

    [Fact]
    public void HiddenTestsAreRemovedAndVisibleChecksKept()
    {
        var grade = Release.Make(Key(), "key.ipynb").Cells.First(c => c.HasTag("grade"));
        Assert.Contains("Twice(3)", grade.Source);
        Assert.DoesNotContain("Twice(-4)", grade.Source);
        Assert.DoesNotContain("HIDDEN", grade.Source);
    }

    [Fact]
    public void OutputsAreClearedAndGradeCellsLocked()
    {
        var key = Key();
        key.Cells[2].Outputs.Add(new StreamOutput("stdout", "solution output"));
        key.Cells[2].ExecutionCount = 3;
        var student = Release.Make(key, "key.ipynb");
        Assert.All(student.Cells.Where(c => c.Type == CellType.Code), c => { Assert.Empty(c.Outputs); Assert.Null(c.ExecutionCount); });
        var grade = student.Cells.First(c => c.HasTag("grade"));
        Assert.False(grade.Metadata["editable"]!.GetValue<bool>());
        Assert.False(grade.Metadata["deletable"]!.GetValue<bool>());
        Assert.False(student.Cells.First(c => c.HasTag("exercise")).Metadata["deletable"]!.GetValue<bool>());
    }

    [Fact]
    public void ReleasingTwiceChangesNothing()
    {
        var once = Release.Make(Key(), "key.ipynb");
        Assert.Equal(once.ToJson(), Release.Make(once, "again").ToJson());
    }

    [Fact]
    public void TheKeyItselfIsNotChanged()
    {
        var key = Key();
        var before = key.ToJson();
        Release.Make(key, "key.ipynb");
        Assert.Equal(before, key.ToJson());
    }

    [Theory]
    [InlineData("// BEGIN SOLUTION\nreturn 1;", "is never closed")]
    [InlineData("return 1;\n// END SOLUTION", "without '// BEGIN SOLUTION'")]
    [InlineData("// BEGIN SOLUTION\n// BEGIN SOLUTION\n// END SOLUTION", "inside another region")]
    public void UnbalancedMarkersNameTheCell(string source, string expected)
    {
        var key = NotebookDocument.CreateCSharp(NotebookCell.Markdown("# x"), NotebookCell.Code(source, "exercise"));
        var e = Assert.Throws<NotebookFormatException>(() => Release.Make(key, "key.ipynb"));
        Assert.Contains("key.ipynb, cell 2", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void QuestionnaireAnswersAreRemovedAndTheQuestionsKept()
    {
        var questionnaire = "## Questionnaire\n\n1. How many parameters?\n   <!-- BEGIN ANSWER -->\n   784 · 128 + 128 = 100,480.\n   <!-- END ANSWER -->\n2. Why hold digits out?";
        var key = NotebookDocument.CreateCSharp(NotebookCell.Markdown(questionnaire));

        var student = Release.Make(key, "key.ipynb");

        Assert.Equal("## Questionnaire\n\n1. How many parameters?\n2. Why hold digits out?", student.Cells[0].Source);
        Assert.Equal(questionnaire, key.Cells[0].Source);
    }

    [Fact]
    public void AnUnclosedAnswerNamesTheCell()
    {
        var key = NotebookDocument.CreateCSharp(NotebookCell.Markdown("# x"), NotebookCell.Markdown("1. Why?\n<!-- BEGIN ANSWER -->\nBecause."));
        var e = Assert.Throws<NotebookFormatException>(() => Release.Make(key, "key.ipynb"));
        Assert.Equal("key.ipynb, cell 2 (" + key.Cells[1].Id + "): '<!-- BEGIN ANSWER -->' is never closed; add '<!-- END ANSWER -->'.", e.Message);
    }
}
