using System.Globalization;
using System.Text;

namespace Course.Training;

/// <summary>The figures of one training epoch.</summary>
/// <remarks>One row of <see cref="History"/>; notebook 00-setup prints them after training.</remarks>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="TrainLoss">Mean training loss over the epoch's batches (weighted by batch size).</param>
/// <param name="TestLoss">Mean loss on held-out data after the epoch (NaN without held-out data).</param>
/// <param name="TestMetric">Metric on held-out data after the epoch (NaN without a metric).</param>
/// <param name="Seconds">Wall-clock seconds of the epoch, evaluation included.</param>
/// <param name="SamplesPerSecond">Training throughput: samples per second of the gradient steps alone.</param>
public sealed record EpochStats(int Epoch, double TrainLoss, double TestLoss, double TestMetric, double Seconds, double SamplesPerSecond)
{
    /// <summary>One line such as <c>epoch 3/10 · loss 0.2312 · test loss 0.2500 · accuracy 0.9312 · 5,210 samples/s · 1.2 s</c>.</summary>
    /// <param name="metricName">Name shown before the metric.</param>
    /// <param name="numEpochs">Total epochs, shown as <c>3/10</c> (0: just the epoch number).</param>
    public string ToString(string metricName, int numEpochs = 0)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"epoch {Epoch}");
        if (numEpochs > 0) text.Append(CultureInfo.InvariantCulture, $"/{numEpochs}");
        text.Append(CultureInfo.InvariantCulture, $" · loss {TrainLoss:F4}");
        if (!double.IsNaN(TestLoss)) text.Append(CultureInfo.InvariantCulture, $" · test loss {TestLoss:F4}");
        if (!double.IsNaN(TestMetric)) text.Append(CultureInfo.InvariantCulture, $" · {metricName} {TestMetric:F4}");
        text.Append(CultureInfo.InvariantCulture, $" · {SamplesPerSecond:N0} samples/s · {Seconds:F1} s");
        return text.ToString();
    }

    /// <summary>One line of figures, naming the metric "metric".</summary>
    public override string ToString() => ToString("metric");
}
