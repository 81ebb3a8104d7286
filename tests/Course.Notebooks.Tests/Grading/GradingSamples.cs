using System.Text.Json.Nodes;
using Course.Notebooks.Document;

namespace Course.Notebooks.Tests.Grading;

/// <summary>A small instructor notebook with two exercises and their grade cells.</summary>
public static class GradingSamples
{
    public static NotebookCell Grade(string source, string name, int points)
    {
        var cell = NotebookCell.Code(source, "grade");
        cell.Metadata["course"] = new JsonObject { ["points"] = points, ["name"] = name };
        return cell;
    }

    public static NotebookDocument Key() => NotebookDocument.CreateCSharp(
        NotebookCell.Markdown("# 98 · Grading sample"),
        NotebookCell.Code("#r \"nuget: Course\"\nvar scale = 2;", "parameters"),
        NotebookCell.Code("int Twice(int x)\n{\n    // BEGIN SOLUTION\n    return scale * x;\n    // END SOLUTION\n}", "exercise"),
        Grade("Course.Grading.Check.Equal(Twice(3), 6, \"Twice(3)\");\n// BEGIN HIDDEN TESTS\nCourse.Grading.Check.Equal(Twice(-4), -8, \"Twice(-4)\");\n// END HIDDEN TESTS", "twice", 2),
        NotebookCell.Code("int Three()\n{\n    // BEGIN SOLUTION\n    return 3;\n    // END SOLUTION\n}", "exercise"),
        Grade("Course.Grading.Check.Equal(Three(), 3, \"Three()\");", "three", 1));
}
