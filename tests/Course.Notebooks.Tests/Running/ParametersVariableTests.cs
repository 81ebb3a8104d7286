using Course.Notebooks.Running;
using Course.Notebooks.Tests.Support;

namespace Course.Notebooks.Tests.Running;

/// <summary><c>COURSE_PARAMETERS</c> in <c>course run</c>; it sets a process-wide variable, so it runs alone.</summary>
[Collection(nameof(ProcessWide))]
public class ParametersVariableTests
{
    [Fact]
    public async Task TheEnvironmentVariableShortensEveryNotebook()
    {
        using var folder = new TempFolder();
        var doc = Support.Notebooks.Of("Course.Metrics.Record(\"n\", numEpochs);");
        doc.Cells.Insert(1, Course.Notebooks.Document.NotebookCell.Code("#r \"nuget: Course\"\nvar numEpochs = 5;", "parameters"));
        var source = Support.Notebooks.Write(folder, "p", doc);
        Environment.SetEnvironmentVariable(NotebookParameters.EnvironmentVariable, "numEpochs=1;unknownName=3");
        try
        {
            var runs = await new CourseRunner(new RunOptions(folder.File("out"), WriteBook: false)).RunAsync([source]);
            Assert.Equal(1.0, runs[0].Metrics["n"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(NotebookParameters.EnvironmentVariable, null);
        }
    }
}
