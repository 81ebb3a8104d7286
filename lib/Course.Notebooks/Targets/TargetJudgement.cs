namespace Course.Notebooks.Targets;

/// <summary>One learning target judged after a run: met or missed, and why.</summary>
/// <param name="Metric">The metric judged, e.g. <c>ae_test_mse</c>.</param>
/// <param name="Target">The target as written, e.g. <c>&lt;= 0.045 and &lt; pca_test_mse</c>.</param>
/// <param name="Value">What the run recorded, or null when it did not record the metric.</param>
/// <param name="Met">True when every condition of the target holds.</param>
/// <param name="Detail">One line with the numbers: <c>ae_test_mse = 0.0384 &lt;= 0.045 and &lt; pca_test_mse = 0.0552</c>.</param>
/// <remarks>Written by <c>course run</c> to the terminal, <c>targets.json</c> and the book's index (issue 15).</remarks>
public sealed record TargetJudgement(string Metric, string Target, double? Value, bool Met, string Detail);
