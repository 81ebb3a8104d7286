using Course.Notebooks.Document;
using Course.Notebooks.Targets;

namespace Course.Notebooks.Tests.Notebooks;

/// <summary>The course's notebooks and the parameters of their short runs, from each notebook's <c>"course"</c> metadata (issue 15).</summary>
public static class CourseNotebooks
{
    public static string Folder => Path.Combine(Support.Notebooks.RepoRoot, "notebooks");

    public static string Source(string stem) => Path.Combine(Folder, stem + ".ipynb");

    public static CourseMetadata Course(string stem) => CourseMetadata.Read(NotebookDocument.Load(Source(stem)));

    /// <summary>The short (test) run's parameters: the full run is <c>course run notebooks</c>.</summary>
    public static IReadOnlyDictionary<string, string> TestParameters(string stem) => Course(stem).TestParameters;

    /// <summary>The test parameters with training switched off (<c>course.test.untrained</c>); the test parameters where nothing trains.</summary>
    public static IReadOnlyDictionary<string, string> UntrainedParameters(string stem)
    {
        var course = Course(stem);
        var parameters = new Dictionary<string, string>(course.TestParameters);
        foreach (var (name, value) in course.UntrainedParameters) parameters[name] = value;
        return parameters;
    }

    public static TheoryData<string> All() => Where(_ => true);

    /// <summary>Every <paramref name="count"/>-th notebook from the <paramref name="shard"/>-th: test classes of one shard each run in parallel.</summary>
    public static TheoryData<string> Shard(int shard, int count) => Where(_ => true, shard, count);

    public static TheoryData<string> Training() => Where(n => CourseMetadata.Read(n).UntrainedParameters.Count > 0);

    /// <summary>The training notebooks of <see cref="Shard"/>'s <paramref name="shard"/>: a notebook's two runs fall in the same half.</summary>
    public static TheoryData<string> TrainingShard(int shard, int count)
    {
        var training = Names(Training()).ToHashSet(StringComparer.Ordinal);
        var data = new TheoryData<string>();
        foreach (var stem in Names(Shard(shard, count)).Where(training.Contains)) data.Add(stem);
        return data;
    }

    public static TheoryData<string> WithExercises(int shard, int count) => Where(n => n.Cells.Any(c => c.HasTag("grade")), shard, count);

    private static IEnumerable<string> Names(TheoryData<string> data) => ((IEnumerable<object[]>)data).Select(row => (string)row[0]);

    private static TheoryData<string> Where(Func<NotebookDocument, bool> predicate, int shard = 0, int count = 1)
    {
        var data = new TheoryData<string>();
        var files = Directory.GetFiles(Folder, "*.ipynb").Order(StringComparer.Ordinal).Where(f => predicate(NotebookDocument.Load(f))).ToList();
        for (var i = shard; i < files.Count; i += count) data.Add(Path.GetFileNameWithoutExtension(files[i]));
        return data;
    }
}
