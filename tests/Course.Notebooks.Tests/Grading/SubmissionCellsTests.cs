using Course.Notebooks.Document;
using Course.Notebooks.Grading;

namespace Course.Notebooks.Tests.Grading;

/// <summary>Which cells of a submission are the student's, and what runs in their place otherwise.</summary>
public class SubmissionCellsTests
{
    [Fact]
    public void OnlyExerciseCellsAndAddedCellsAreTakenFromTheSubmission()
    {
        var key = GradingSamples.Key();
        var student = Release.Make(key, "key.ipynb");
        student.Cells[1].Source = "#r \"nuget: Course\"\nvar scale = 1000;";                  // an edited parameters cell
        var exercises = student.Cells.Where(c => c.HasTag("exercise")).ToList();
        exercises[0].Source = "int Twice(int x) => x + x;";
        student.Cells.Insert(3, NotebookCell.Code("int Helper() => 1;"));                      // an added cell after the first exercise
        student.Cells.Insert(4, NotebookCell.Code("#r \"/tmp/evil.dll\""));                     // an added cell with a directive
        student.Cells.First(c => c.HasTag("grade")).Source = "// no checks";                    // an edited grade cell

        var (cells, notes) = SubmissionCells.Assemble(key, student);

        Assert.Equal(["#r \"nuget: Course\"\nvar scale = 2;", "int Twice(int x) => x + x;", "int Helper() => 1;"], cells.Take(3).Select(c => c.Source));
        Assert.Equal([false, true, true, true], cells.Select(c => c.ByStudent));      // the second exercise is the student's, unanswered
        Assert.Contains("throw new NotImplementedException();", cells[3].Source);
        Assert.DoesNotContain(cells, c => c.Source.Contains("no checks") || c.Source.Contains("evil") || c.Source.Contains("return 3;"));
        Assert.Contains(notes, n => n.StartsWith("cell 5: left out", StringComparison.Ordinal));
    }

    [Fact]
    public void ExerciseCellsWithNewIdsAreMatchedByOrder()
    {
        var key = GradingSamples.Key();
        var student = Release.Make(key, "key.ipynb");
        foreach (var cell in student.Cells) cell.Id = Guid.NewGuid().ToString("N")[..8];
        student.Cells.First(c => c.HasTag("exercise")).Source = "int Twice(int x) => 2 * x;";
        var (cells, _) = SubmissionCells.Assemble(key, student);
        Assert.Equal("int Twice(int x) => 2 * x;", cells.Single(c => c.ByStudent && c.Source.Contains("Twice")).Source);
    }
}
