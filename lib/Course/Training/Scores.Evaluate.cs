using TorchSharp;
using static TorchSharp.torch;

namespace Course.Training;

public static partial class Scores
{
    /// <summary>Mean of <paramref name="metric"/> (default: accuracy) over (<paramref name="X"/>, <paramref name="y"/>), in batches, without gradients.</summary>
    /// <param name="net">The model; put in eval mode while scoring, then restored.</param>
    /// <param name="X">Inputs (N, …).</param>
    /// <param name="y">Targets (N, …).</param>
    /// <param name="batchSize">Samples per forward pass.</param>
    /// <param name="metric">Score of one batch <c>(yHat, y) → double</c>; batches are weighted by their size.</param>
    /// <exception cref="ArgumentException">X and y have different numbers of rows.</exception>
    public static double Evaluate(nn.Module<Tensor, Tensor> net, Tensor X, Tensor y, int batchSize = 1024, Func<Tensor, Tensor, double>? metric = null)
    {
        ArgumentNullException.ThrowIfNull(net);
        metric ??= Accuracy;
        return InBatches(net, X, y, batchSize, (xb, yb) => (double.NaN, metric(net.call(xb), yb))).Metric;
    }

    /// <summary>The model's outputs for all of <paramref name="X"/>, computed in batches without gradients.</summary>
    /// <param name="net">The model; put in eval mode while predicting, then restored.</param>
    /// <param name="X">Inputs (N, …).</param>
    /// <param name="batchSize">Samples per forward pass.</param>
    /// <returns>yHat (N, …), detached from the graph.</returns>
    public static Tensor Predict(nn.Module<Tensor, Tensor> net, Tensor X, int batchSize = 1024)
    {
        ArgumentNullException.ThrowIfNull(net);
        ArgumentNullException.ThrowIfNull(X);
        RequirePositive(batchSize, nameof(batchSize));
        using var outer = torch.NewDisposeScope();
        var parts = new List<Tensor>();
        bool wasTraining = net.training;
        net.eval();
        try
        {
            using var noGrad = torch.no_grad();
            long n = X.shape[0];
            for (long start = 0; start < n; start += batchSize)
            {
                using var scope = torch.NewDisposeScope();
                parts.Add(net.call(X.narrow(0, start, Math.Min(batchSize, n - start))).MoveToOuterDisposeScope());
            }
        }
        finally
        {
            net.train(wasTraining);
        }
        return torch.cat(parts, 0).MoveToOuterDisposeScope();                       // (N, …)
    }

    /// <summary>Mean loss and mean metric over the data, batch by batch, in eval mode and without gradients.</summary>
    /// <param name="net">The model whose train/eval mode is switched.</param>
    /// <param name="X">Inputs (N, …).</param>
    /// <param name="y">Targets (N, …).</param>
    /// <param name="batchSize">Samples per batch.</param>
    /// <param name="scoreBatch">Loss and metric of one batch (NaN for a figure not wanted).</param>
    internal static (double Loss, double Metric) InBatches(nn.Module net, Tensor X, Tensor y, int batchSize,
                                                           Func<Tensor, Tensor, (double Loss, double Metric)> scoreBatch)
    {
        ArgumentNullException.ThrowIfNull(X);
        ArgumentNullException.ThrowIfNull(y);
        ShapeText.RequireSameRows(X, y);
        RequirePositive(batchSize, nameof(batchSize));
        bool wasTraining = net.training;
        net.eval();
        try
        {
            using var noGrad = torch.no_grad();
            long n = X.shape[0];
            double lossSum = 0, metricSum = 0;
            for (long start = 0; start < n; start += batchSize)
            {
                using var scope = torch.NewDisposeScope();
                long len = Math.Min(batchSize, n - start);
                var (loss, metric) = scoreBatch(X.narrow(0, start, len), y.narrow(0, start, len));
                lossSum += loss * len;
                metricSum += metric * len;
            }
            return (lossSum / n, metricSum / n);
        }
        finally
        {
            net.train(wasTraining);
        }
    }

    private static void RequirePositive(int value, string name)
    {
        if (value <= 0)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least 1.");
    }
}
