using Course.Notebooks.Targets;

namespace Course.Notebooks.Tests.Targets;

public class TargetExpressionTests
{
    private static readonly Dictionary<string, double> metrics = new()
    {
        ["ae_test_mse"] = 0.0384,
        ["pca_test_mse"] = 0.0552,
        ["convlstm_test_mse"] = 0.035,
        ["copy_last_frame_mse"] = 0.085,
        ["sparse_mean_activation"] = 0.06,
        ["vgg16_parameters"] = 138_357_544,
    };

    [Theory]
    [InlineData("ae_test_mse", "<= 0.045", true)]
    [InlineData("ae_test_mse", "<= 0.0384", true)]
    [InlineData("ae_test_mse", "< 0.0384", false)]
    [InlineData("ae_test_mse", ">= 0.04", false)]
    [InlineData("ae_test_mse", "< pca_test_mse", true)]
    [InlineData("ae_test_mse", "<= 0.045 and < 0.7 * pca_test_mse", true)]
    [InlineData("ae_test_mse", "<= 0.045 and < 0.6 * pca_test_mse", false)]
    [InlineData("convlstm_test_mse", "< 0.6 * copy_last_frame_mse", true)]
    [InlineData("convlstm_test_mse", "< copy_last_frame_mse / 3", false)]
    [InlineData("convlstm_test_mse", "<(copy_last_frame_mse-0.05)*2", true)]
    [InlineData("sparse_mean_activation", ">= 0.02 and <= 0.1", true)]
    [InlineData("sparse_mean_activation", ">0.07", false)]
    [InlineData("vgg16_parameters", "== 138357544", true)]
    [InlineData("vgg16_parameters", "== 1.38357544e8", true)]
    [InlineData("vgg16_parameters", "== 138357545", false)]
    [InlineData("ae_test_mse", "> -1", true)]
    [InlineData("ae_test_mse", "> 2 * -pca_test_mse + 0.15", false)]
    public void JudgesTheTableOfTargets(string metric, string target, bool met) =>
        Assert.Equal(met, TargetExpression.Parse(metric, target).Judge(metric, metrics).Met);

    [Theory]
    [InlineData("", "expected a comparison <, <=, >, >= or == at the end")]
    [InlineData("0.98", "expected a comparison <, <=, >, >= or == at character 1")]
    [InlineData("=> 0.98", "expected a comparison")]
    [InlineData("<=", "expected a number or a metric name at the end")]
    [InlineData("<= 0.045 and", "expected a comparison <, <=, >, >= or == at the end")]
    [InlineData("<= 0.045 or >= 1", "unexpected 'o' at character 10")]
    [InlineData("< (pca_test_mse", "expected ')' at the end")]
    [InlineData("< 0.6 * ", "expected a number or a metric name at the end")]
    [InlineData("< 1.2.3", "'1.2.3' is not a number at character 3")]
    [InlineData("< 5 %", "unexpected '%' at character 5")]
    [InlineData("< and", "expected a number or a metric name before 'and'")]
    public void BadTargetsGiveOneLineNamingTheMetricAndTheTarget(string target, string expected)
    {
        var error = Assert.Throws<FormatException>(() => TargetExpression.Parse("ae_test_mse", target));
        Assert.StartsWith($"target ae_test_mse \"{target}\": ", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void DetailShowsTheValueAndEachBoundWithItsNumbers()
    {
        var judgement = TargetExpression.Parse("convlstm_test_mse", "< 0.6 * copy_last_frame_mse and <= 0.02").Judge("convlstm_test_mse", metrics);
        Assert.False(judgement.Met);
        Assert.Equal("convlstm_test_mse = 0.035 < 0.6 * copy_last_frame_mse = 0.051 and > 0.02", judgement.Detail);
        Assert.Equal(0.035, judgement.Value);
    }

    [Fact]
    public void AMetricTheRunDidNotRecordIsMissed()
    {
        var judgement = TargetExpression.Parse("anomaly_auc", ">= 0.9").Judge("anomaly_auc", metrics);
        Assert.False(judgement.Met);
        Assert.Null(judgement.Value);
        Assert.Equal("anomaly_auc was not recorded", judgement.Detail);
    }

    [Fact]
    public void AReferencedMetricTheRunDidNotRecordIsMissed()
    {
        var judgement = TargetExpression.Parse("ae_test_mse", "< empty_frame_mse").Judge("ae_test_mse", metrics);
        Assert.False(judgement.Met);
        Assert.Contains("empty_frame_mse was not recorded", judgement.Detail);
    }

    [Fact]
    public void ReferencesListTheOtherMetricsOnce() =>
        Assert.Equal(["pca_test_mse", "copy_last_frame_mse"],
                     TargetExpression.Parse("ae_test_mse", "< pca_test_mse and < copy_last_frame_mse - pca_test_mse").References);
}
