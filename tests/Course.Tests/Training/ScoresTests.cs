using Course.Native;
using Course.Training;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Training;

/// <summary>Accuracy, evaluation and confusion matrices against slow loops over plain arrays.</summary>
public sealed class ScoresTests
{
    public ScoresTests() => TorchNative.EnsureLoaded();

    [Theory]
    [InlineData(new float[] { 2, 1, 0, 3, 0.5f, 1, 9, 8 }, new long[] { 0, 1, 0, 0 }, 0.75)]
    [InlineData(new float[] { 2, 1, 0, 3, 0.5f, 1, 9, 8 }, new long[] { 1, 0, 1, 1 }, 0.25)]
    [InlineData(new float[] { 0, 1, 0, 1, 0, 1, 0, 1 }, new long[] { 1, 1, 1, 1 }, 1.0)]
    public void AccuracyIsTheFractionOfRowsWhoseArgmaxIsTheLabel(float[] logits, long[] labels, double expected) =>
        Assert.Equal(expected, Scores.Accuracy(torch.tensor(logits).reshape(labels.Length, -1), torch.tensor(labels)), 10);

    [Fact]
    public void AccuracyAcceptsPredictedLabels() =>
        Assert.Equal(2 / 3.0, Scores.Accuracy(torch.tensor(new long[] { 1, 2, 3 }), torch.tensor(new long[] { 1, 2, 0 })), 10);

    [Fact]
    public void AccuracyShapeMismatchNamesBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Scores.Accuracy(torch.zeros(5, 3), torch.zeros(4, ScalarType.Int64)));
        Assert.StartsWith("yHat has shape (5, 3) but y has shape (4)", ex.Message);
    }

    [Fact]
    public void EvaluateInBatchesEqualsAccuracyOverAllRowsAndRestoresTrainingMode()
    {
        var (X, y) = Blobs.Make(1000, seed: 9);
        var net = Blobs.Net();
        net.train();
        double whole;
        using (torch.no_grad()) whole = Scores.Accuracy(net.call(X), y);

        Assert.Equal(whole, Scores.Evaluate(net, X, y, batchSize: 64), 10);                     // 15 full batches + one of 40
        Assert.True(net.training);
    }

    [Fact]
    public void PredictConcatenatesBatchesWithoutGradients()
    {
        var (X, _) = Blobs.Make(100, seed: 10);
        var net = Blobs.Net();
        var yHat = Scores.Predict(net, X, batchSize: 30);
        Assert.Equal(new long[] { 100, 4 }, yHat.shape);
        Assert.False(yHat.requires_grad);
        using (torch.no_grad()) Assert.True(yHat.allclose(net.call(X)));
    }

    [Fact]
    public void ConfusionMatrixCountsTrueClassDownAndPredictedClassAcross()
    {
        long[] y = [0, 0, 1, 2, 2, 2, 1];
        long[] predicted = [0, 1, 1, 2, 0, 2, 1];
        var expected = new int[3, 3];
        for (int i = 0; i < y.Length; i++) expected[y[i], predicted[i]]++;                       // the slow way

        var logits = torch.nn.functional.one_hot(torch.tensor(predicted), 3).to_type(ScalarType.Float32);   // (7, 3)
        Assert.Equal(expected, Scores.ConfusionMatrix(logits, torch.tensor(y), numClasses: 3));
        Assert.Equal(expected, Scores.ConfusionMatrix(torch.tensor(predicted), torch.tensor(y), numClasses: 3));
    }

    [Fact]
    public void ConfusionMatrixRejectsLabelsOutsideTheClasses()
    {
        var ex = Assert.Throws<ArgumentException>(() => Scores.ConfusionMatrix(torch.tensor(new long[] { 0, 5 }), torch.tensor(new long[] { 0, 1 }), numClasses: 3));
        Assert.Contains("[0, 3)", ex.Message);
    }

    [Theory]
    [InlineData(0.0303, 50_000, 0.000767)]                                               // the paper's basic SVM: ±0.15 = 1.96 × this
    [InlineData(0.1, 2_000, 0.006708)]
    [InlineData(0.0, 100, 0.0)]
    public void StandardErrorOfAnErrorRateIsSqrtEOneMinusEOverN(double e, long n, double expected) =>
        Assert.Equal(expected, Scores.StandardError(e, n), 6);

    [Fact]
    public void StandardErrorRefusesAPercentage()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Scores.StandardError(3.03, 50_000));
        Assert.Contains("not a percentage", error.Message);
    }
}
