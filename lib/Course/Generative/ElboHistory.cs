using System.Collections;
using Course.Interactive;
using Course.Plots;
using Course.Training;
using Plotly.NET;

namespace Course.Generative;

/// <summary>Per-epoch −ELBO of a VAE, split into the reconstruction and regularization terms, shown live while it trains.</summary>
/// <remarks>
/// Seed 000, "VAE": the objective's reconstruction term and regularization term, tracked separately. Pass
/// <c>e => curves.Add(e, Elbo.Evaluate(vae, XTest))</c> as <see cref="TrainOptions.OnEpoch"/>; in a notebook the line
/// and chart update after every epoch. Notebook 10-vae.
/// </remarks>
public sealed class ElboHistory : IReadOnlyList<ElboEpoch>
{
    private readonly List<ElboEpoch> epochs = [];
    private readonly bool show;
    private DisplayHandle? line;
    private DisplayHandle? chart;

    /// <summary>An empty history titled <paramref name="title"/>.</summary>
    /// <param name="title">Title of the chart.</param>
    /// <param name="numEpochs">Planned epochs, shown as <c>3/30</c> (0: unknown).</param>
    /// <param name="show">Show a line (and, in a notebook, the chart) after every epoch.</param>
    public ElboHistory(string title = "VAE: −ELBO per epoch", int numEpochs = 0, bool show = true)
    {
        Title = title;
        NumEpochs = numEpochs;
        this.show = show;
    }

    /// <summary>Title of the chart.</summary>
    public string Title { get; }

    /// <summary>Planned epochs (0: unknown).</summary>
    public int NumEpochs { get; }

    /// <summary>Number of epochs recorded.</summary>
    public int Count => epochs.Count;

    /// <summary>The epoch at 0-based position <paramref name="index"/>.</summary>
    public ElboEpoch this[int index] => epochs[index];

    /// <summary>The last epoch, or null before the first one ends.</summary>
    public ElboEpoch? Last => epochs.Count == 0 ? null : epochs[^1];

    /// <summary>Total wall-clock seconds over all epochs.</summary>
    public double TotalSeconds => epochs.Sum(e => e.Seconds);

    /// <summary>Record an epoch from the trainer's figures and the held-out terms; updates the live line and chart.</summary>
    /// <param name="stats">The epoch's figures from <see cref="Trainer"/> (its TrainLoss is the mean −ELBO).</param>
    /// <param name="test">Held-out terms, e.g. <c>Elbo.Evaluate(vae, XTest)</c>.</param>
    public void Add(EpochStats stats, ElboSummary test)
    {
        ArgumentNullException.ThrowIfNull(stats);
        ArgumentNullException.ThrowIfNull(test);
        epochs.Add(new ElboEpoch(stats.Epoch, stats.TrainLoss, test, stats.Seconds, stats.SamplesPerSecond));
        if (!show) return;
        var text = epochs[^1].ToString(NumEpochs);
        if (line is null) line = Notebook.Display(text);
        else line.Update(text);
        if (!Notebook.IsInteractive) return;
        var figure = ToChart();
        if (chart is null) chart = Notebook.Display(figure);
        else chart.Update(figure);
    }

    /// <summary>Lines per epoch: train −ELBO, test −ELBO, and the test −ELBO's two terms (reconstruction, KL).</summary>
    public GenericChart ToChart() => Curves.Lines(Title, "epoch", "nats per image",
        new Series("train −ELBO", X(), epochs.Select(e => e.TrainNegativeElbo).ToArray()),
        new Series("test −ELBO", X(), epochs.Select(e => e.Test.NegativeElbo).ToArray()),
        new Series("test reconstruction term", X(), epochs.Select(e => e.Test.Reconstruction).ToArray()),
        new Series("test regularization term (KL)", X(), epochs.Select(e => e.Test.Regularization).ToArray()));

    /// <summary>One line per epoch.</summary>
    public override string ToString() =>
        epochs.Count == 0 ? "ElboHistory: no epochs yet" : string.Join(Environment.NewLine, epochs.Select(e => e.ToString(NumEpochs)));

    /// <summary>Enumerate the epochs in order.</summary>
    public IEnumerator<ElboEpoch> GetEnumerator() => epochs.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private double[] X() => epochs.Select(e => (double)e.Epoch).ToArray();
}
