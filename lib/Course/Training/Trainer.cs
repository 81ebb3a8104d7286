using System.Diagnostics;
using Course.Interactive;
using TorchSharp;
using static TorchSharp.torch;

namespace Course.Training;

/// <summary>The course's training loop: minibatch SGD over tensors, with held-out scores and live progress.</summary>
/// <remarks>
/// Seed 001 (Lecture 11), "Review: ANN": repeat the gradient step for every weight, batch after batch.
/// d2l's <c>train_ch3</c> in C#: notebook 00-setup trains an MLP on MNIST with <see cref="Fit(nn.Module{Tensor, Tensor}, Tensor, Tensor, Func{Tensor, Tensor, Tensor}, optim.Optimizer, TrainOptions?)"/>,
/// 07-autoencoder passes <c>X</c> as its own target, 10-vae uses <see cref="FitCustom"/> for its two-term loss.
/// Each batch runs in its own dispose scope; memory stays flat over epochs (DESIGN.md, "Memory").
/// </remarks>
public static class Trainer
{
    /// <summary>Train <paramref name="net"/> to predict <paramref name="y"/> from <paramref name="X"/>, minimising <c>lossFn(yHat, y)</c>.</summary>
    /// <param name="net">The model; its weights are updated in place.</param>
    /// <param name="X">Training inputs (N, …).</param>
    /// <param name="y">Training targets (N, …): class labels, or X itself for an autoencoder.</param>
    /// <param name="lossFn">Loss of a batch <c>(yHat, y) → scalar</c>, e.g. <c>nn.functional.cross_entropy</c> wrapped in a lambda.</param>
    /// <param name="optimizer">Updates the weights, e.g. <c>optim.Adam(net.parameters(), lr)</c>.</param>
    /// <param name="options">Epochs, batch size, held-out data, metric, progress (defaults: <see cref="TrainOptions"/>).</param>
    /// <returns>Per-epoch figures.</returns>
    /// <exception cref="ArgumentException">Shapes do not match (the message names both shapes).</exception>
    /// <exception cref="TrainingInterruptedException">The notebook was interrupted; the model keeps its weights.</exception>
    public static History Fit(nn.Module<Tensor, Tensor> net, Tensor X, Tensor y, Func<Tensor, Tensor, Tensor> lossFn,
                              optim.Optimizer optimizer, TrainOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(net);
        ArgumentNullException.ThrowIfNull(lossFn);
        options ??= new TrainOptions();
        var metric = options.Metric ?? (IsClassLabels(y) ? Scores.Accuracy : null);
        return Run(net, X, y, (xb, yb) => lossFn(net.call(xb), yb), optimizer, options, metric is null ? "" : options.MetricName,
            (xb, yb) =>
            {
                var yHat = net.call(xb);
                return (Scores.ToDouble(lossFn(yHat, yb)), metric is null ? double.NaN : metric(yHat, yb));
            });
    }

    /// <summary>Train <paramref name="net"/> with a loss module such as <c>nn.CrossEntropyLoss()</c> or <c>nn.MSELoss()</c>.</summary>
    /// <param name="net">The model; its weights are updated in place.</param>
    /// <param name="X">Training inputs (N, …).</param>
    /// <param name="y">Training targets (N, …).</param>
    /// <param name="lossFn">Loss module called as <c>lossFn.call(yHat, y)</c>.</param>
    /// <param name="optimizer">Updates the weights.</param>
    /// <param name="options">Epochs, batch size, held-out data, metric, progress.</param>
    public static History Fit(nn.Module<Tensor, Tensor> net, Tensor X, Tensor y, nn.Module<Tensor, Tensor, Tensor> lossFn,
                              optim.Optimizer optimizer, TrainOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(lossFn);
        return Fit(net, X, y, (yHat, target) => lossFn.call(yHat, target), optimizer, options);
    }

    /// <summary>Train with a custom batch loss <c>(xBatch, yBatch) → scalar</c>, for models whose loss is more than <c>lossFn(net(x), y)</c>.</summary>
    /// <param name="net">The model (for train/eval mode; also scored by <see cref="TrainOptions.Metric"/> if it maps Tensor → Tensor).</param>
    /// <param name="X">Training inputs (N, …).</param>
    /// <param name="y">Training targets (N, …), passed to <paramref name="batchLoss"/> with the matching inputs.</param>
    /// <param name="batchLoss">Computes the loss of one batch; also used, without gradients, for the held-out loss.</param>
    /// <param name="optimizer">Updates the weights.</param>
    /// <param name="options">Epochs, batch size, held-out data, metric, progress.</param>
    /// <exception cref="ArgumentException">Shapes do not match, or a metric is asked of a net that is not a Tensor → Tensor module.</exception>
    /// <exception cref="TrainingInterruptedException">The notebook was interrupted; the model keeps its weights.</exception>
    public static History FitCustom(nn.Module net, Tensor X, Tensor y, Func<Tensor, Tensor, Tensor> batchLoss,
                                    optim.Optimizer optimizer, TrainOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(net);
        ArgumentNullException.ThrowIfNull(batchLoss);
        options ??= new TrainOptions();
        var metric = options.Metric;
        var predict = net as nn.Module<Tensor, Tensor>;
        if (metric is not null && predict is null)
            throw new ArgumentException($"TrainOptions.Metric needs a net that maps a Tensor to a Tensor; {net.GetType().Name} does not. Drop the metric or compute it after training.", nameof(options));
        return Run(net, X, y, batchLoss, optimizer, options, metric is null ? "" : options.MetricName,
            (xb, yb) => (Scores.ToDouble(batchLoss(xb, yb)), metric is null ? double.NaN : metric(predict!.call(xb), yb)));
    }

    private static History Run(nn.Module net, Tensor X, Tensor y, Func<Tensor, Tensor, Tensor> batchLoss, optim.Optimizer optimizer,
                               TrainOptions o, string metricName, Func<Tensor, Tensor, (double Loss, double Metric)> scoreBatch)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        Validate(X, y, o);
        long n = X.shape[0];
        int numBatches = (int)((n + o.BatchSize - 1) / o.BatchSize);
        var history = new History(metricName);
        var progress = o.ShowProgress ? new TrainingProgress(o.NumEpochs, numBatches, metricName) : null;
        var token = Notebook.Cancellation;
        var garbage = new NativeGarbage();                                             // see NativeGarbage: Scalars escape scopes
        using var generator = new torch.Generator((ulong)o.Seed);                    // shuffling only; weights use the global seed

        for (int epoch = 1; epoch <= o.NumEpochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            double lossSum = 0;
            long seen = 0;
            net.train();
            using (var epochScope = torch.NewDisposeScope())
            {
                var perm = o.Shuffle ? torch.randperm(n, generator: generator).to(X.device) : null; // (N) int64
                for (int b = 0; b < numBatches; b++)
                {
                    if (token.IsCancellationRequested)
                        throw new TrainingInterruptedException(history, epoch, o.NumEpochs, b, numBatches, token);
                    garbage.MaybeCollect();
                    using var scope = torch.NewDisposeScope();                       // frees this batch's tensors
                    long start = (long)b * o.BatchSize, len = Math.Min(o.BatchSize, n - start);
                    Tensor xb, yb;
                    if (perm is null) { xb = X.narrow(0, start, len); yb = y.narrow(0, start, len); }
                    else
                    {
                        var idx = perm.narrow(0, start, len);                         // (B)
                        xb = X.index_select(0, idx);                                   // (B, …)
                        yb = y.index_select(0, idx);                                   // (B, …)
                    }
                    if (o.Augment is not null) xb = o.Augment(xb);
                    optimizer.zero_grad();
                    var loss = batchLoss(xb, yb);
                    RequireScalar(loss);
                    loss.backward();
                    optimizer.step();
                    lossSum += Scores.ToDouble(loss) * len;
                    seen += len;
                    progress?.Batch(epoch, b + 1, lossSum / seen, seen / clock.Elapsed.TotalSeconds);
                }
            }
            double trainSeconds = clock.Elapsed.TotalSeconds;

            double testLoss = double.NaN, testMetric = double.NaN;
            if (o.XTest is not null && o.yTest is not null)
            {
                if (token.IsCancellationRequested)
                    throw new TrainingInterruptedException(history, epoch, o.NumEpochs, numBatches, numBatches, token);
                (testLoss, testMetric) = Scores.InBatches(net, o.XTest, o.yTest, o.EvalBatchSize, scoreBatch);
            }
            o.Scheduler?.step(double.IsFinite(testLoss) ? testLoss : lossSum / n);             // the loss is read by ReduceLROnPlateau only
            garbage.Collect();
            history.Add(new EpochStats(epoch, lossSum / n, testLoss, testMetric, clock.Elapsed.TotalSeconds, n / trainSeconds));
            progress?.Epoch(history);
            o.OnEpoch?.Invoke(history[^1]);
        }
        if (o.NumEpochs == 0)
        {
            history.Add(Untrained(net, o, scoreBatch));
            o.OnEpoch?.Invoke(history[^1]);
        }
        return history;
    }

    /// <summary>
    /// The row of a zero-epoch fit, epoch 0: no training loss, the untrained model's held-out figures (also passed to
    /// <c>OnEpoch</c>). Code that reads <c>history.Last</c> then works with training switched off (<c>-p numEpochs=0</c>,
    /// issue 15's untrained runs).
    /// </summary>
    private static EpochStats Untrained(nn.Module net, TrainOptions o, Func<Tensor, Tensor, (double Loss, double Metric)> scoreBatch)
    {
        var clock = Stopwatch.StartNew();
        double testLoss = double.NaN, testMetric = double.NaN;
        if (o.XTest is not null && o.yTest is not null)
            (testLoss, testMetric) = Scores.InBatches(net, o.XTest, o.yTest, o.EvalBatchSize, scoreBatch);
        return new EpochStats(0, double.NaN, testLoss, testMetric, clock.Elapsed.TotalSeconds, 0);
    }

    private static bool IsClassLabels(Tensor y) =>
        y.dim() == 1 && y.dtype is ScalarType.Int64 or ScalarType.Int32 or ScalarType.Int16 or ScalarType.Int8 or ScalarType.Byte;

    private static void RequireScalar(Tensor loss)
    {
        if (loss.numel() != 1)
            throw new ArgumentException($"The loss must be a single number, but it has shape {ShapeText.Of(loss)}; average it (reduction: mean) before returning it.");
    }

    private static void Validate(Tensor X, Tensor y, TrainOptions o)
    {
        ArgumentNullException.ThrowIfNull(X);
        ArgumentNullException.ThrowIfNull(y);
        ShapeText.RequireSameRows(X, y);
        if (X.shape[0] == 0) throw new ArgumentException("X has no rows; there is nothing to train on.", nameof(X));
        if (o.NumEpochs < 0) throw new ArgumentOutOfRangeException(nameof(o.NumEpochs), o.NumEpochs, "NumEpochs must be 0 or more.");
        if (o.BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(o.BatchSize), o.BatchSize, "BatchSize must be at least 1.");
        if (o.EvalBatchSize < 1) throw new ArgumentOutOfRangeException(nameof(o.EvalBatchSize), o.EvalBatchSize, "EvalBatchSize must be at least 1.");
        if ((o.XTest is null) != (o.yTest is null))
            throw new ArgumentException("Give both XTest and yTest, or neither.", o.XTest is null ? nameof(o.XTest) : nameof(o.yTest));
        if (o.XTest is null || o.yTest is null) return;
        ShapeText.RequireSameRows(o.XTest, o.yTest, nameof(o.XTest), nameof(o.yTest));
        if (!X.shape.AsSpan(1).SequenceEqual(o.XTest.shape.AsSpan(1)))
            throw new ArgumentException($"X has shape {ShapeText.Of(X)} but XTest has shape {ShapeText.Of(o.XTest)}: a test sample must have the shape of a training sample.", nameof(o.XTest));
    }
}
