using Course.Notebooks.Document;
using Course.Notebooks.Running;
using Course.Notebooks.Targets;
using Course.Notebooks.Tests.Support;

namespace Course.Notebooks.Tests.Notebooks;

/// <summary>Every course notebook executes end to end and reaches its quality figures.</summary>
public class CourseNotebooksTests
{
    private static string NotebooksFolder => Path.Combine(Support.Notebooks.RepoRoot, "notebooks");

    public static TheoryData<string> AllNotebooks()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(NotebooksFolder, "*.ipynb").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileNameWithoutExtension(file));
        return data;
    }

    /// <summary>The notebook's <c>"course"</c> metadata: lecture, targets, test parameters and targets (issue 15).</summary>
    private static CourseMetadata Course(string stem) => CourseMetadata.Read(NotebookDocument.Load(Path.Combine(NotebooksFolder, stem + ".ipynb")));

    /// <summary>Shortened parameters of the test run, from the notebook's metadata (the full run is `course run notebooks`).</summary>
    private static IReadOnlyDictionary<string, string> TestParameters(string stem) => Course(stem).TestParameters;

    [Theory]
    [MemberData(nameof(AllNotebooks))]
    public async Task NotebookRunsEndToEndAndMeetsItsTestTargets(string stem)
    {
        var source = Path.Combine(NotebooksFolder, stem + ".ipynb");
        var before = File.ReadAllText(source);

        var run = await CourseRuns.Get(source, TestParameters(stem));

        Assert.True(run.Succeeded, run.Error);
        Assert.Equal(before, File.ReadAllText(source));
        Assert.Empty(NotebookSchema.Errors(File.ReadAllText(CourseRuns.Executed(stem))));
        Assert.Equal(TargetSet.Test, run.TargetSet);
        Assert.Equal(Course(stem).TestTargets.Keys.Order(StringComparer.Ordinal), run.Targets.Select(t => t.Metric));
        Assert.All(run.Targets, t => Assert.True(t.Met, $"{stem}: test target {t.Metric} {t.Target} missed: {t.Detail}"));
    }

    public static TheoryData<string> TrainingNotebooks()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(NotebooksFolder, "*.ipynb").Order(StringComparer.Ordinal))
            if (CourseMetadata.Read(NotebookDocument.Load(file)).UntrainedParameters.Count > 0)
                data.Add(Path.GetFileNameWithoutExtension(file));
        return data;
    }

    /// <summary>
    /// Issue 15: a test target an untrained model meets checks nothing. Each training notebook runs with its test
    /// parameters and training switched off (<c>course.test.untrained</c>, e.g. <c>numEpochs=0</c>), and at least one of
    /// its test targets must then be missed.
    /// </summary>
    [Theory]
    [MemberData(nameof(TrainingNotebooks))]
    public async Task AnUntrainedModelMissesALearningTarget(string stem)
    {
        var course = Course(stem);
        var parameters = new Dictionary<string, string>(course.TestParameters);
        foreach (var (name, value) in course.UntrainedParameters) parameters[name] = value;
        using var folder = new TempFolder();

        var run = Assert.Single(await new CourseRunner(new RunOptions(folder.Path, parameters, WriteBook: false, Targets: TargetSet.Test))
            .RunAsync([Path.Combine(NotebooksFolder, stem + ".ipynb")]));

        Assert.True(run.Succeeded, $"{stem} should run with training switched off: {run.Error}");
        Assert.Contains(run.Targets, t => !t.Met);
    }

    /// <summary>
    /// Issue 5: <c>jupyter nbconvert --execute</c> through the course kernel gives the same cells, the same kinds of
    /// output and the same metrics as <c>course run</c> (training shortened the same way, via COURSE_PARAMETERS).
    /// </summary>
    [Theory]
    [MemberData(nameof(AllNotebooks))]
    public async Task NbconvertThroughTheKernelMatchesCourseRun(string stem)
    {
        var source = Path.Combine(NotebooksFolder, stem + ".ipynb");
        var parameters = TestParameters(stem);
        var run = await CourseRuns.Get(source, parameters);
        Assert.True(run.Succeeded, run.Error);

        using var folder = new TempFolder();
        Jupyter.InstallKernel(folder);
        var notebooks = Directory.CreateDirectory(folder.File("notebooks")).FullName;   // ../artifacts stays resolvable
        File.Copy(source, Path.Combine(notebooks, stem + ".ipynb"));
        var metricsFile = folder.File("metrics.json");
        var environment = new List<(string, string)> { ("COURSE_METRICS_FILE", metricsFile) };
        if (parameters.Count > 0) environment.Add(("COURSE_PARAMETERS", string.Join(";", parameters.Select(p => $"{p.Key}={p.Value}"))));
        var result = Jupyter.Nbconvert(folder, Path.Combine(notebooks, stem + ".ipynb"), folder.Path, TimeSpan.FromSeconds(170), [.. environment]);
        Assert.True(result.ExitCode == 0, $"nbconvert of {stem} exited {result.ExitCode}:\n{result.Error[^Math.Min(3000, result.Error.Length)..]}");

        var kernelCells = NotebookDocument.Load(folder.File(stem + ".ipynb")).Cells.Where(c => c.Type == CellType.Code).ToList();
        var runCells = run.Executed!.Cells.Where(c => c.Type == CellType.Code && !c.HasTag("injected-parameters")).ToList();
        Assert.Equal(runCells.Count, kernelCells.Count);
        for (var i = 0; i < runCells.Count; i++)
        {
            Assert.NotNull(kernelCells[i].ExecutionCount);
            Assert.DoesNotContain(kernelCells[i].Outputs, o => o is ErrorOutput);
            Assert.True(Kinds(runCells[i]).SetEquals(Kinds(kernelCells[i])),
                $"{stem}, code cell {i + 1}: course run gave [{string.Join(", ", Kinds(runCells[i]))}], the kernel [{string.Join(", ", Kinds(kernelCells[i]))}]");
        }

        var kernelMetrics = File.Exists(metricsFile)
            ? System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, double>>>(File.ReadAllText(metricsFile))!["notebook"]
            : [];
        Assert.Equal(run.Metrics.Keys.Order(StringComparer.Ordinal), kernelMetrics.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, value) in run.Metrics)
            if (!name.EndsWith("seconds", StringComparison.Ordinal) && !name.EndsWith("per_second", StringComparison.Ordinal))
                Assert.True(Math.Abs(value - kernelMetrics[name]) <= 0.02 * Math.Max(1, Math.Abs(value)),
                    $"{stem}: {name} is {value} in course run but {kernelMetrics[name]} through the kernel");
    }

    /// <summary>What a cell showed, by kind: stream names and the MIME types of displays and results.</summary>
    private static HashSet<string> Kinds(NotebookCell cell) => cell.Outputs.SelectMany(o => o switch
    {
        StreamOutput s => [s.Name],
        DisplayDataOutput d => d.Data.Keys,
        ExecuteResultOutput r => r.Data.Keys.Select(k => "result " + k),
        ErrorOutput => ["error"],
        _ => ["other"],
    }).ToHashSet(StringComparer.Ordinal);

    public static TheoryData<string> NotebooksWithExercises()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(NotebooksFolder, "*.ipynb").Order(StringComparer.Ordinal))
            if (NotebookDocument.Load(file).Cells.Any(c => c.HasTag("grade")))
                data.Add(Path.GetFileNameWithoutExtension(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(NotebooksWithExercises))]
    public void TheKeyScoresFullMarksAndAFreshReleaseScoresZero(string stem)
    {
        using var folder = new TempFolder();
        var key = Path.Combine(NotebooksFolder, stem + ".ipynb");
        var parameters = TestParameters(stem).SelectMany(p => new[] { "-p", $"{p.Key}={p.Value}" }).ToArray();

        Bubblewrap.Ensure();
        // One batch (the key runs once): the key itself must score full marks, a fresh release 0.
        var released = CourseCli.Run(folder.Path, "release", key, "--out", folder.File("submissions"));
        Assert.Equal(0, released.ExitCode);
        File.Move(folder.File($"submissions/{stem}.ipynb"), folder.File("submissions/fresh.ipynb"));
        File.Copy(key, folder.File("submissions/key.ipynb"));
        var graded = CourseCli.Run(TimeSpan.FromMinutes(15), folder.Path, ["grade", folder.File("submissions"), "--key", key, "--timeout", "300", .. parameters]);
        Assert.True(graded.ExitCode == 0, graded.Out + graded.Error);
        var scores = graded.Out.Split('\n').Where(l => l.StartsWith("score: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, scores.Count);
        Assert.StartsWith("score: 0/", scores[0]);                        // fresh.ipynb
        Assert.Matches(@"^score: (\d+(\.\d+)?)/\1$", scores[1].Trim());    // key.ipynb
    }

    [Theory]
    [MemberData(nameof(AllNotebooks))]
    public void NotebookFollowsTheCourseShape(string stem)
    {
        var notebook = NotebookDocument.Load(Path.Combine(NotebooksFolder, stem + ".ipynb"));
        Assert.Equal(NotebookFormat.KernelName, notebook.KernelName);
        Assert.StartsWith(stem[..2] + " · ", notebook.Title);
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
        if (stem != "00-setup")
            Assert.True(notebook.Cells.Count(c => c.HasTag("exercise")) >= 2, $"{stem} has fewer than two exercises");
    }
}
