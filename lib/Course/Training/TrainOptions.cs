using static TorchSharp.torch;

namespace Course.Training;

/// <summary>How <see cref="Trainer"/> trains: epochs, batches, shuffling, held-out data, progress.</summary>
/// <remarks>
/// One defaults object, as in the lecture's training loops; first used in notebook 00-setup
/// (<c>new TrainOptions(NumEpochs: 3, XTest: XTest, yTest: yTest)</c>) and in every later notebook.
/// </remarks>
/// <param name="NumEpochs">Passes over the whole training set.</param>
/// <param name="BatchSize">Samples per gradient step; the last batch of an epoch may be smaller.</param>
/// <param name="Shuffle">Visit the rows in a new random order every epoch (drawn from <paramref name="Seed"/>).</param>
/// <param name="Seed">Seed of the shuffling generator: the same seed gives the same batches.</param>
/// <param name="XTest">Held-out inputs, evaluated after every epoch (null: no test figures).</param>
/// <param name="yTest">Held-out targets for <paramref name="XTest"/>.</param>
/// <param name="Metric">Score <c>(yHat, y) → double</c> on held-out data; null: accuracy when y holds integer class labels, none otherwise.</param>
/// <param name="MetricName">Name of <paramref name="Metric"/> in progress lines, charts and the history.</param>
/// <param name="ShowProgress">Show a live progress line and loss chart (one line per epoch outside a notebook).</param>
/// <param name="Scheduler">Learning-rate scheduler, stepped once after every epoch with the test (else training) loss, so ReduceLROnPlateau works too (null: constant lr).</param>
/// <param name="Augment">Applied to each training input batch before the forward pass, e.g. random noise (null: none).</param>
/// <param name="EvalBatchSize">Samples per forward pass when evaluating held-out data (no gradients kept).</param>
/// <param name="OnEpoch">Called after every epoch with its figures, e.g. to show generated samples (null: nothing).</param>
public sealed record TrainOptions(
    int NumEpochs = 5,
    int BatchSize = 128,
    bool Shuffle = true,
    int Seed = 0,
    Tensor? XTest = null,
    Tensor? yTest = null,
    Func<Tensor, Tensor, double>? Metric = null,
    string MetricName = "accuracy",
    bool ShowProgress = true,
    optim.lr_scheduler.LRScheduler? Scheduler = null,
    Func<Tensor, Tensor>? Augment = null,
    int EvalBatchSize = 1024,
    Action<EpochStats>? OnEpoch = null);
