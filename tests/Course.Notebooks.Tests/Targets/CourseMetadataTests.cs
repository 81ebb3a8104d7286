using System.Text.Json.Nodes;
using Course.Notebooks.Document;
using Course.Notebooks.Targets;

namespace Course.Notebooks.Tests.Targets;

public class CourseMetadataTests
{
    private static NotebookDocument With(string courseJson)
    {
        var notebook = Support.Notebooks.Of("1");
        notebook.Metadata["course"] = JsonNode.Parse(courseJson);
        return notebook;
    }

    private const string Autoencoder = """
        {"lecture": "Autoencoders", "targets": {"ae_test_mse": "<= 0.045 and < pca_test_mse"},
         "test": {"parameters": {"numEpochs": "3"}, "targets": {"ae_test_mse": "< 0.07"}, "untrained": {"numEpochs": "0"}}}
        """;

    [Fact]
    public void ReadsLectureTargetsAndTheTestRun()
    {
        var course = CourseMetadata.Read(With(Autoencoder));
        Assert.Equal("Autoencoders", course.Lecture);
        Assert.Equal("<= 0.045 and < pca_test_mse", course.Targets["ae_test_mse"].Text);
        Assert.Equal("3", course.TestParameters["numEpochs"]);
        Assert.Equal("< 0.07", course.TestTargets["ae_test_mse"].Text);
        Assert.Equal("0", course.UntrainedParameters["numEpochs"]);
    }

    [Fact]
    public void ANotebookWithoutCourseMetadataHasNoTargets()
    {
        var course = CourseMetadata.Read(Support.Notebooks.Of("1"));
        Assert.Null(course.Lecture);
        Assert.Empty(course.Targets);
        Assert.Empty(course.Judge(TargetSet.Default, new Dictionary<string, double>()));
    }

    [Fact]
    public void TestTargetsDefaultToTheFullRunsTargets()
    {
        var course = CourseMetadata.Read(With("""{"targets": {"vgg16_parameters": "== 138357544"}}"""));
        Assert.Same(course.Targets, course.TestTargets);
    }

    [Theory]
    [InlineData("", "default")]
    [InlineData("numEpochs=3", "test")]
    [InlineData("numEpochs=3;seed=2", "test")]
    [InlineData("numEpochs=0", "default")]
    [InlineData("seed=1", "default")]
    public void TheTestTargetsApplyWhenEveryTestParameterHasItsTestValue(string overrides, string expected)
    {
        var course = CourseMetadata.Read(With(Autoencoder));
        var given = overrides.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal(expected, course.Choose(given) == TargetSet.Test ? "test" : "default");
    }

    [Theory]
    [InlineData("""{"targets": {"ae_test_mse": "<< 0.05"}}""", "target ae_test_mse \"<< 0.05\": expected a number or a metric name, not '<' at character 2")]
    [InlineData("""{"targets": {"ae_test_mse": 0.05}}""", "target ae_test_mse in course.targets must be a string")]
    [InlineData("""{"targets": ["<= 0.05"]}""", "course.targets must be an object")]
    [InlineData("""{"test": {"targets": {"ae_test_mse": "<= x y"}}}""", "target ae_test_mse \"<= x y\": unexpected 'y'")]
    [InlineData("""{"test": {"parameters": "numEpochs=3"}}""", "course.test.parameters must be an object")]
    public void BadMetadataGivesOneLineNamingThePart(string courseJson, string expected)
    {
        var error = Assert.Throws<FormatException>(() => CourseMetadata.Read(With(courseJson)));
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void JudgeGivesEveryTargetOfTheSetInMetricOrder()
    {
        var course = CourseMetadata.Read(With("""{"targets": {"b": "> 1", "a": "< b"}}"""));
        var judged = course.Judge(TargetSet.Default, new Dictionary<string, double> { ["a"] = 3, ["b"] = 2 });
        Assert.Equal(["a", "b"], judged.Select(j => j.Metric));
        Assert.Equal([false, true], judged.Select(j => j.Met));
    }
}
