using Course.Autoencoders;
using Xunit;

namespace Course.Tests.Autoencoders;

/// <summary>ROC and AUC (seed 003, anomaly detection) on hand-made cases and against counting pairs.</summary>
public sealed class RocTests
{
    [Fact]
    public void TheScikitLearnExampleHasAucThreeQuarters()
    {
        var roc = Roc.Curve([0.1, 0.4, 0.35, 0.8], [false, false, true, true]);
        Assert.Equal(0.75, roc.Auc, 12);
        Assert.Equal(new[] { 0, 0, 0.5, 0.5, 1 }, roc.FalsePositiveRate);
        Assert.Equal(new[] { 0, 0.5, 0.5, 1, 1 }, roc.TruePositiveRate);
        Assert.Equal(new[] { double.PositiveInfinity, 0.8, 0.4, 0.35, 0.1 }, roc.Thresholds);
    }

    [Theory]
    [InlineData(new[] { 1.0, 2, 3, 4 }, new[] { false, false, true, true }, 1.0)]
    [InlineData(new[] { 4.0, 3, 2, 1 }, new[] { false, false, true, true }, 0.0)]
    [InlineData(new[] { 5.0, 5, 5, 5 }, new[] { false, true, false, true }, 0.5)]
    [InlineData(new[] { 1.0, 2, 2, 3 }, new[] { false, false, true, true }, 0.875)]   // one tied pair counts ½: (3 + ½)/4
    public void HandMadeCases(double[] scores, bool[] positive, double auc) =>
        Assert.Equal(auc, Roc.Auc(scores, positive), 12);

    [Fact]
    public void AucIsTheFractionOfPositiveNegativePairsRankedRight()
    {
        var random = new Random(3);
        var scores = Enumerable.Range(0, 300).Select(_ => Math.Round(random.NextDouble() * 20) / 20).ToArray();   // many ties
        var positive = scores.Select(s => random.NextDouble() < 0.3 + 0.4 * s).ToArray();
        double pairs = 0, right = 0;
        for (int i = 0; i < scores.Length; i++)
            for (int j = 0; j < scores.Length; j++)
                if (positive[i] && !positive[j])
                {
                    pairs++;
                    right += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
        Assert.Equal(right / pairs, Roc.Auc(scores, positive), 10);
    }

    [Fact]
    public void TensorsGiveTheSameCurve()
    {
        TorchSharp.torch.Tensor s = TorchSharp.torch.tensor(new[] { 0.1f, 0.4f, 0.35f, 0.8f });
        TorchSharp.torch.Tensor p = TorchSharp.torch.tensor(new long[] { 0, 0, 1, 1 });
        Assert.Equal(0.75, Roc.Curve(s, p).Auc, 6);
    }

    [Fact]
    public void TruePositiveRateAtAFalseAlarmBudget() =>
        Assert.Equal(0.5, Roc.Curve([0.1, 0.4, 0.35, 0.8], [false, false, true, true]).TruePositiveRateAt(0.4));

    [Fact]
    public void OneClassOnlyIsAnErrorCountingBoth()
    {
        var ex = Assert.Throws<ArgumentException>(() => Roc.Curve([1.0, 2.0], [true, true]));
        Assert.Contains("2 positives and 0 negatives", ex.Message);
    }
}
