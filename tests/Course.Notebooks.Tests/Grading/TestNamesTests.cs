using Course.Notebooks.Document;
using Course.Notebooks.Grading;

namespace Course.Notebooks.Tests.Grading;

public class TestNamesTests
{
    private static NotebookCell Grade(string source, string? name = null)
    {
        var cell = NotebookCell.Code(source, "grade");
        cell.Metadata["course"] = name is null ? new System.Text.Json.Nodes.JsonObject { ["points"] = 1 } : new System.Text.Json.Nodes.JsonObject { ["points"] = 1, ["name"] = name };
        return cell;
    }

    [Fact]
    public void AGradeCellIsNamedAfterTheExerciseHeadingAboveIt()
    {
        var key = NotebookDocument.CreateCSharp(
            NotebookCell.Markdown("# 99 · Sample\n\n## Part\n\n### Exercise 1 · Shift a batch right (2 points)\n\nWrite it."),
            NotebookCell.Code("int A() => 1;", "exercise"),
            Grade("1;"),
            NotebookCell.Markdown("### Exercise 2 · Pooling (1 point)"),
            Grade("2;"),
            Grade("3;"),
            Grade("4;", name: "explicit"));
        Assert.Equal(["Exercise 1 · Shift a batch right", "Exercise 2 · Pooling", "Exercise 2 · Pooling (2)", "explicit"], TestNames.Of(key));
    }

    [Fact]
    public void WithoutAHeadingTheCellIdIsTheName()
    {
        var grade = Grade("1;");
        var key = NotebookDocument.CreateCSharp(NotebookCell.Markdown("Just text."), grade);
        Assert.Equal([grade.Id], TestNames.Of(key));
    }
}
