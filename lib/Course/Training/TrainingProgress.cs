using System.Diagnostics;
using System.Globalization;
using Course.Interactive;

namespace Course.Training;

/// <summary>The live progress line and loss chart that <see cref="Trainer"/> shows while it trains.</summary>
/// <remarks>
/// In a notebook (notebook 00-setup first) the line is updated at most every 0.5 s and the chart after the first
/// epoch, then at most every 2 s and always after the last one; on the console it prints one line per epoch. Display
/// handles are created on first use. The chart is throttled because each drawing costs about 0.1 CPU-seconds (Plotly.NET
/// writing the figure's JSON): redrawn after every epoch, notebook 09's 140 short epochs spent seconds on charts no one sees.
/// </remarks>
internal sealed class TrainingProgress(int numEpochs, int numBatches, string metricName)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(0.5);
    private static readonly TimeSpan ChartInterval = TimeSpan.FromSeconds(2);
    private readonly bool live = Notebook.IsInteractive;
    private readonly Stopwatch sinceUpdate = Stopwatch.StartNew();
    private readonly Stopwatch sinceChart = Stopwatch.StartNew();
    private DisplayHandle? line;
    private DisplayHandle? chart;

    /// <summary>Report a finished batch; shown only in a notebook and at most every 0.5 s.</summary>
    public void Batch(int epoch, int batch, double meanLoss, double samplesPerSecond)
    {
        if (!live || sinceUpdate.Elapsed < Interval) return;
        Show(string.Create(CultureInfo.InvariantCulture,
            $"epoch {epoch}/{numEpochs} · batch {batch}/{numBatches} · loss {meanLoss:F4} · {samplesPerSecond:N0} samples/s"));
    }

    /// <summary>Report a finished epoch: the line and, in a notebook, the loss chart.</summary>
    public void Epoch(History history)
    {
        var last = history.Last!;
        Show(last.ToString(metricName, numEpochs));
        if (!live || (chart is not null && last.Epoch < numEpochs && sinceChart.Elapsed < ChartInterval)) return;
        var figure = history.ToChart();
        if (chart is null) chart = Notebook.Display(figure);
        else chart.Update(figure);
        sinceChart.Restart();
    }

    private void Show(string text)
    {
        sinceUpdate.Restart();
        if (line is null) line = Notebook.Display(text);
        else line.Update(text);
    }
}
