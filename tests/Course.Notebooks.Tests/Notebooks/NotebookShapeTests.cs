using System.Globalization;
using System.Text.RegularExpressions;
using Course.Notebooks.Document;
using Course.Notebooks.Grading;
using Course.Notebooks.Running;
using Course.Notebooks.Targets;

namespace Course.Notebooks.Tests.Notebooks;

/// <summary>Every course notebook has the course's shape: setup, parameters, targets as data, exercises.</summary>
public partial class NotebookShapeTests
{
    [GeneratedRegex(@"^### Exercise (?<number>\d+) · .+ \((?<kind>derive|experiment|interpret|implement), \d+ points?\)$", RegexOptions.Multiline)]
    private static partial Regex ExerciseHeadingRegex();

    private static readonly Regex ExerciseHeading = ExerciseHeadingRegex();

    [Theory]
    [MemberData(nameof(CourseNotebooks.All), MemberType = typeof(CourseNotebooks))]
    public void NotebookFollowsTheCourseShape(string stem)
    {
        var notebook = NotebookDocument.Load(CourseNotebooks.Source(stem));
        Assert.Equal(NotebookFormat.KernelName, notebook.KernelName);
        Assert.StartsWith(stem[..stem.IndexOf('-')] + " · ", notebook.Title);   // "04 · …", "04b · …"
        var setup = notebook.Cells.First(c => c.Type == CellType.Code);
        Assert.Contains("#r \"nuget: Course", setup.Source);
        Assert.True(setup.Metadata["jupyter"]?["source_hidden"]?.GetValue<bool>() == true, "the setup cell is hidden");
        Assert.Contains(notebook.Cells, c => c.HasTag("parameters"));
        Assert.All(notebook.Cells.Where(c => c.Type == CellType.Code), c => Assert.Empty(c.Outputs));
        Assert.Contains("Metrics.Record", notebook.Cells.Last(c => c.Type == CellType.Code).Source);

        // Targets as data (issue 15): a lecture, targets for the full run, and every judged or compared metric recorded by the closing cell.
        var course = CourseMetadata.Read(notebook);
        Assert.False(string.IsNullOrWhiteSpace(course.Lecture), $"{stem} names no lecture in its metadata");
        Assert.NotEmpty(course.Targets);
        var closing = notebook.Cells.Last(c => c.Type == CellType.Code).Source;
        foreach (var (metric, target) in course.Targets.Concat(course.TestTargets))
        foreach (var name in target.References.Prepend(metric))
            Assert.True(closing.Contains($"Metrics.Record(\"{name}\"", StringComparison.Ordinal), $"{stem}: the target of {metric} needs {name}, which the closing cell does not record");
        var declared = NotebookParameters.Declared(notebook);
        foreach (var name in course.TestParameters.Keys.Concat(course.UntrainedParameters.Keys))
            Assert.True(declared.ContainsKey(name), $"{stem}: the test run sets {name}, which the parameters cell does not declare");

        // Exercises (DESIGN.md): solution regions only in cells tagged `exercise`, grade cells carry points,
        // and every lecture notebook (01–11) has at least two exercises.
        Assert.All(notebook.Cells.Where(c => c.Source.Contains("// BEGIN SOLUTION")), c => Assert.True(c.HasTag("exercise"), $"a cell with a solution region is not tagged exercise: {c.Source[..Math.Min(60, c.Source.Length)]}"));
        Assert.All(notebook.Cells.Where(c => c.HasTag("grade")), c => Assert.True(c.Metadata["course"]?["points"] is not null, "a grade cell has no course.points"));
        // Questionnaires (issue 18): an answer under every question, for the instructor and the book (release removes them).
        foreach (var questionnaire in notebook.Cells.Where(c => c.Type == CellType.Markdown && c.Source.Contains("## Questionnaire")))
        {
            var section = questionnaire.Source[questionnaire.Source.IndexOf("## Questionnaire", StringComparison.Ordinal)..].Split("\n## ")[0];
            var questions = Regex.Split(section, @"\n(?=\d+\. )").Skip(1).ToList();   // each question with what follows it
            Assert.All(questions, q => Assert.True(q.Split(ExerciseMarkers.BeginAnswer).Length == 2, $"{stem}: not one answer under \"{q.Split('\n')[0]}\""));
        }
        if (stem != "00-setup")
            Assert.True(notebook.Cells.Count(c => c.HasTag("exercise")) >= 2, $"{stem} has fewer than two exercises");
        // Exercises that teach (issue 18): one of each kind at least, each under a heading "### Exercise N · Title (kind, P points)",
        // numbered 1, 2, 3, … in the order they appear, each with its exercise cell within the three cells under it.
        var numbered = notebook.Cells.Select((cell, index) => (cell, index))
            .Where(c => c.cell.Type == CellType.Markdown && ExerciseHeading.IsMatch(c.cell.Source)).ToList();
        foreach (var kind in new[] { "derive", "experiment", "interpret" })
            Assert.True(numbered.Any(c => ExerciseHeading.Match(c.cell.Source).Groups["kind"].Value == kind), $"{stem} has no {kind} exercise (a heading \"### Exercise N · Title ({kind}, P points)\")");
        Assert.Equal(Enumerable.Range(1, numbered.Count), numbered.Select(c => int.Parse(ExerciseHeading.Match(c.cell.Source).Groups["number"].Value, CultureInfo.InvariantCulture)));
        Assert.All(numbered, c => Assert.True(notebook.Cells.Skip(c.index + 1).Take(3).Any(n => n.HasTag("exercise")), $"{stem}: no exercise cell under \"{ExerciseHeading.Match(c.cell.Source).Value}\""));
    }
}
