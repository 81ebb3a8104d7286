namespace Course.Notebooks.Grading;

/// <summary>The nbgrader-style markers and tags of exercises, written as C# comments.</summary>
/// <remarks>DESIGN.md, "Exercises": exercise cells are tagged <c>exercise</c>, test cells <c>grade</c> with <c>course.points</c>.</remarks>
public static class ExerciseMarkers
{
    /// <summary>Tag of a cell holding a solution region.</summary>
    public const string ExerciseTag = "exercise";

    /// <summary>Tag of a test cell; its points are in <c>metadata.course.points</c>.</summary>
    public const string GradeTag = "grade";

    /// <summary>Starts a solution region.</summary>
    public const string BeginSolution = "// BEGIN SOLUTION";

    /// <summary>Ends a solution region.</summary>
    public const string EndSolution = "// END SOLUTION";

    /// <summary>Starts checks that students do not see.</summary>
    public const string BeginHidden = "// BEGIN HIDDEN TESTS";

    /// <summary>Ends hidden checks.</summary>
    public const string EndHidden = "// END HIDDEN TESTS";

    /// <summary>Starts an answer to a questionnaire item, on a line of its own in a Markdown cell (an HTML comment: invisible where Markdown renders).</summary>
    public const string BeginAnswer = "<!-- BEGIN ANSWER -->";

    /// <summary>Ends an answer region.</summary>
    public const string EndAnswer = "<!-- END ANSWER -->";

    /// <summary>What a released solution region becomes.</summary>
    public const string Placeholder = "throw new NotImplementedException();";
}
