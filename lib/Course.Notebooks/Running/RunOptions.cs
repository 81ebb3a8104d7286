namespace Course.Notebooks.Running;

/// <summary>Options of <c>course run</c>.</summary>
/// <param name="OutDir">Where executed notebooks, pages, index.html and metrics.json go (default <c>out</c>).</param>
/// <param name="Parameters">Overrides for the <c>parameters</c> cell (<c>-p name=value</c>).</param>
/// <param name="WriteBook">Write the HTML pages and index (off for quick test runs).</param>
/// <param name="JudgeTargets">Judge each notebook's learning targets after it ran (<c>--no-targets</c> turns it off).</param>
/// <param name="Targets">
/// The set of targets to judge by (<c>--targets default|test</c>); null picks per notebook with
/// <see cref="Course.Notebooks.Targets.CourseMetadata.Choose"/>: the test targets when the overrides give every test parameter its test value.
/// </param>
/// <param name="AllowErrors">Run every cell even after one failed (<c>--allow-errors</c>, as nbconvert's): each failing cell keeps its error output.</param>
/// <param name="Restorer">Restores the notebooks' <c>#r "nuget: …"</c> packages; null: the user's cache, NuGet.Config and packages folder (<see cref="Course.Notebooks.Packages.PackageRestorer.Default"/>).</param>
public sealed record RunOptions(
    string OutDir = "out", IReadOnlyDictionary<string, string>? Parameters = null, bool WriteBook = true,
    bool JudgeTargets = true, Course.Notebooks.Targets.TargetSet? Targets = null, bool AllowErrors = false,
    Course.Notebooks.Packages.PackageRestorer? Restorer = null);
