using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Notebooks.Document;

namespace Course.Notebooks.Targets;

/// <summary>What a notebook says about itself in <c>"course"</c> metadata: its lecture, targets and short test run.</summary>
/// <remarks>
/// The one source of truth (issue 15) that <c>course run</c>, the book's index and the test suite read:
/// <code>
/// "course": {"lecture": "Autoencoders",
///            "targets": {"ae_test_mse": "&lt;= 0.045 and &lt; pca_test_mse"},
///            "test": {"parameters": {"numEpochs": "3"}, "targets": {…}, "untrained": {"numEpochs": "0"}}}
/// </code>
/// <c>test.targets</c> defaults to <c>targets</c>; <c>test.untrained</c> are the overrides (on top of the test
/// parameters) that switch training off, for the suite's check that an untrained model misses a test target.
/// </remarks>
/// <param name="Lecture">The lecture the notebook follows, or null.</param>
/// <param name="Targets">The full run's targets by metric.</param>
/// <param name="TestParameters">The short run's parameter overrides.</param>
/// <param name="TestTargets">The short run's targets by metric.</param>
/// <param name="UntrainedParameters">Overrides, on top of <paramref name="TestParameters"/>, that switch training off.</param>
public sealed record CourseMetadata(
    string? Lecture,
    IReadOnlyDictionary<string, TargetExpression> Targets,
    IReadOnlyDictionary<string, string> TestParameters,
    IReadOnlyDictionary<string, TargetExpression> TestTargets,
    IReadOnlyDictionary<string, string> UntrainedParameters)
{
    /// <summary>A notebook without <c>"course"</c> metadata: no lecture, no targets.</summary>
    public static CourseMetadata None { get; } = new(null, new Dictionary<string, TargetExpression>(), new Dictionary<string, string>(),
                                                     new Dictionary<string, TargetExpression>(), new Dictionary<string, string>());

    /// <summary>Read the <c>"course"</c> metadata of <paramref name="notebook"/>.</summary>
    /// <exception cref="FormatException">A target does not parse, or a part has the wrong JSON type; one line naming it.</exception>
    public static CourseMetadata Read(NotebookDocument notebook)
    {
        if (notebook.Metadata["course"] is not JsonObject course) return None;
        var lecture = course["lecture"] is JsonValue l && l.TryGetValue(out string? named) && !string.IsNullOrWhiteSpace(named) ? named.Trim() : null;
        var targets = ReadTargets(course["targets"], "course.targets");
        var test = course["test"] as JsonObject;
        var testTargets = test?["targets"] is null ? targets : ReadTargets(test["targets"], "course.test.targets");
        return new CourseMetadata(lecture, targets, ReadStrings(test?["parameters"], "course.test.parameters"), testTargets,
                                  ReadStrings(test?["untrained"], "course.test.untrained"));
    }

    /// <summary>The targets of <paramref name="set"/>.</summary>
    public IReadOnlyDictionary<string, TargetExpression> For(TargetSet set) => set == TargetSet.Test ? TestTargets : Targets;

    /// <summary>
    /// The set a run with <paramref name="overrides"/> is judged by: the test targets when the notebook has test
    /// parameters and every one of them is overridden with its test value (other overrides, e.g. <c>seed</c>, do not
    /// matter); otherwise the default targets.
    /// </summary>
    public TargetSet Choose(IReadOnlyDictionary<string, string> overrides) =>
        TestParameters.Count > 0 && TestParameters.All(p => overrides.TryGetValue(p.Key, out var v) && v == p.Value)
            ? TargetSet.Test
            : TargetSet.Default;

    /// <summary>Judge every target of <paramref name="set"/> against what a run recorded, in metric order.</summary>
    public IReadOnlyList<TargetJudgement> Judge(TargetSet set, IReadOnlyDictionary<string, double> metrics) =>
        For(set).OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Value.Judge(t.Key, metrics)).ToList();

    private static Dictionary<string, TargetExpression> ReadTargets(JsonNode? node, string where)
    {
        var result = new Dictionary<string, TargetExpression>(StringComparer.Ordinal);
        if (node is null) return result;
        if (node is not JsonObject targets) throw new FormatException($"{where} must be an object of metric: \"target\" (e.g. {{\"ae_test_mse\": \"<= 0.045\"}}).");
        foreach (var (metric, value) in targets)
        {
            if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
                throw new FormatException($"target {metric} in {where} must be a string such as \"<= 0.045\".");
            result[metric] = TargetExpression.Parse(metric, v.GetValue<string>());
        }
        return result;
    }

    private static Dictionary<string, string> ReadStrings(JsonNode? node, string where)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is null) return result;
        if (node is not JsonObject values) throw new FormatException($"{where} must be an object of name: \"value\" (e.g. {{\"numEpochs\": \"2\"}}).");
        foreach (var (name, value) in values)
            result[name] = value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : value?.ToJsonString() ?? "";
        return result;
    }
}
