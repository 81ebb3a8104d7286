using Course.Interactive;
using Course.Native;
using Course.Training;
using Plotly.NET;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Training;

/// <summary>The training loop: learning, shuffling, held-out scores, shapes, interruption, progress.</summary>
public sealed class TrainerTests
{
    public TrainerTests() => TorchNative.EnsureLoaded();

    [Fact]
    public void FitLearnsSeparableBlobsToOverNinetyFivePercentTestAccuracy()
    {
        var (X, y) = Blobs.Make(2048, seed: 1);
        var (XTest, yTest) = Blobs.Make(512, seed: 2);
        var net = Blobs.Net();
        using var optimizer = optim.Adam(net.parameters(), lr: 0.01);

        var history = Trainer.Fit(net, X, y, Blobs.CrossEntropy, optimizer,
            new TrainOptions(NumEpochs: 8, BatchSize: 64, XTest: XTest, yTest: yTest, ShowProgress: false));

        Assert.Equal(8, history.Count);
        Assert.True(history[^1].TrainLoss < history[0].TrainLoss / 2, $"loss went {history[0].TrainLoss} → {history[^1].TrainLoss}");
        Assert.True(history[^1].TestMetric > 0.95, $"test accuracy {history[^1].TestMetric}");
        Assert.Equal(history[^1].TestMetric, Scores.Evaluate(net, XTest, yTest), 6);
    }

    [Fact]
    public void FitWithALossModuleTrainsAnAutoencoderWhoseTargetIsItsInput()
    {
        using var generator = new torch.Generator(3);
        var X = torch.rand([512, 8], generator: generator);                                     // (N, 8)
        var net = nn.Sequential(nn.Linear(8, 4), nn.Tanh(), nn.Linear(4, 8));
        using var optimizer = optim.Adam(net.parameters(), lr: 0.01);

        var history = Trainer.Fit(net, X, X, nn.MSELoss(), optimizer, new TrainOptions(NumEpochs: 10, BatchSize: 32, XTest: X, yTest: X, ShowProgress: false));

        Assert.True(history[^1].TrainLoss < history[0].TrainLoss);
        Assert.True(double.IsNaN(history[^1].TestMetric));                                       // float targets: no accuracy
        Assert.False(double.IsNaN(history[^1].TestLoss));
    }

    [Fact]
    public void ZeroEpochsLeaveTheWeightsAndGiveOneEpochZeroRowWithTheUntrainedHeldOutScore()
    {
        var (X, y) = Blobs.Make(256, seed: 1);
        var (XTest, yTest) = Blobs.Make(128, seed: 2);
        var net = Blobs.Net();
        var before = net.parameters().Select(p => p.clone()).ToList();
        using var optimizer = optim.Adam(net.parameters(), lr: 0.01);

        var history = Trainer.Fit(net, X, y, Blobs.CrossEntropy, optimizer,
            new TrainOptions(NumEpochs: 0, XTest: XTest, yTest: yTest, ShowProgress: false));

        var row = Assert.Single(history);
        Assert.Equal(0, row.Epoch);
        Assert.True(double.IsNaN(row.TrainLoss));
        Assert.Equal(Scores.Evaluate(net, XTest, yTest), row.TestMetric, 6);
        Assert.Same(row, history.Last);
        Assert.All(net.parameters().Zip(before), p => Assert.True(p.First.allclose(p.Second, rtol: 0, atol: 0)));
    }

    [Fact]
    public void ShufflingIsTheSameUnderTheSameSeedAndDiffersUnderAnother()
    {
        Assert.Equal(BatchOrder(seed: 7, shuffle: true), BatchOrder(seed: 7, shuffle: true));
        Assert.NotEqual(BatchOrder(seed: 7, shuffle: true), BatchOrder(seed: 8, shuffle: true));
    }

    [Fact]
    public void EveryEpochVisitsEveryRowOnceAndWithoutShuffleInOrder()
    {
        var shuffled = BatchOrder(seed: 7, shuffle: true);
        var rows = Enumerable.Range(0, 100).Select(i => (long)i).ToArray();
        Assert.All(shuffled.Chunk(100), epoch => Assert.Equal(rows, epoch.Order()));
        Assert.NotEqual(shuffled[..100], shuffled[100..]);                                       // a new order each epoch
        Assert.Equal(rows.Concat(rows), BatchOrder(seed: 7, shuffle: false));
    }

    [Theory]
    [InlineData(100, 90, "X has shape (100, 2) but y has shape (90)")]
    [InlineData(10, 11, "X has shape (10, 2) but y has shape (11)")]
    public void ShapeMismatchThrowsNamingBothShapes(int rows, int labels, string expected)
    {
        var net = Blobs.Net();
        using var optimizer = optim.SGD(net.parameters(), 0.1);
        var ex = Assert.Throws<ArgumentException>(() =>
            Trainer.Fit(net, torch.zeros(rows, 2), torch.zeros(labels, ScalarType.Int64), Blobs.CrossEntropy, optimizer, new TrainOptions(ShowProgress: false)));
        Assert.StartsWith(expected, ex.Message);
    }

    [Fact]
    public void TestSetWithOtherSampleShapeThrowsNamingBothShapes()
    {
        var net = Blobs.Net();
        using var optimizer = optim.SGD(net.parameters(), 0.1);
        var ex = Assert.Throws<ArgumentException>(() => Trainer.Fit(net, torch.zeros(8, 2), torch.zeros(8, ScalarType.Int64), Blobs.CrossEntropy, optimizer,
            new TrainOptions(XTest: torch.zeros(4, 3), yTest: torch.zeros(4, ScalarType.Int64), ShowProgress: false)));
        Assert.Contains("(8, 2)", ex.Message);
        Assert.Contains("(4, 3)", ex.Message);
    }

    [Fact]
    public void NonScalarLossThrowsNamingItsShape()
    {
        var net = Blobs.Net();
        using var optimizer = optim.SGD(net.parameters(), 0.1);
        var ex = Assert.Throws<ArgumentException>(() => Trainer.Fit(net, torch.zeros(8, 2), torch.zeros(8, ScalarType.Int64),
            (yHat, y) => nn.functional.cross_entropy(yHat, y, reduction: nn.Reduction.None), optimizer, new TrainOptions(BatchSize: 4, ShowProgress: false)));
        Assert.Contains("(4)", ex.Message);
    }

    [Fact]
    public void CancellationStopsWithinOneBatchKeepsHistoryAndWeights()
    {
        var (X, y) = Blobs.Make(256, seed: 4);
        var net = Blobs.Net();
        using var optimizer = optim.SGD(net.parameters(), 0.1);
        using var cts = new CancellationTokenSource();
        int calls = 0;
        var initialWeights = ((nn.Module<Tensor, Tensor>)net).parameters().First().detach().clone();
        Notebook.Cancellation = cts.Token;
        try
        {
            var ex = Assert.Throws<TrainingInterruptedException>(() => Trainer.FitCustom(net, X, y, (xb, yb) =>
            {
                if (++calls == 16 + 3) cts.Cancel();                                             // during batch 3 of epoch 2
                return Blobs.CrossEntropy(((nn.Module<Tensor, Tensor>)net).call(xb), yb);
            }, optimizer, new TrainOptions(NumEpochs: 5, BatchSize: 16, ShowProgress: false)));

            Assert.Equal(19, calls);                                                             // no batch after the cancelled one
            Assert.Equal("Training interrupted at epoch 2/5 (batch 3/16); the model keeps the weights it had.", ex.Message);
            Assert.IsAssignableFrom<OperationCanceledException>(ex);
            Assert.Single(ex.History);
            Assert.Equal(1, ex.History[0].Epoch);
            Assert.False(initialWeights.allclose(((nn.Module<Tensor, Tensor>)net).parameters().First()));   // trained, not rolled back
        }
        finally
        {
            Notebook.Cancellation = default;
        }
    }

    [Fact]
    public void ProgressShowsOneLiveLineAndALossChartInANotebook()
    {
        var (X, y) = Blobs.Make(256, seed: 5);
        var net = Blobs.Net();
        using var optimizer = optim.Adam(net.parameters(), lr: 0.01);
        var sink = new RecordingSink();
        Notebook.Sink = sink;
        try
        {
            Trainer.Fit(net, X, y, Blobs.CrossEntropy, optimizer, new TrainOptions(NumEpochs: 2, BatchSize: 64, XTest: X, yTest: y));
        }
        finally
        {
            Notebook.Sink = null!;
        }

        Assert.Equal(2, sink.Displayed.Count);                                                   // one line, one chart
        var lines = sink.ValuesOf(sink.Displayed[0]).OfType<string>().ToList();
        Assert.Matches(@"^epoch 2/2 · loss \d\.\d{4} · test loss \d\.\d{4} · accuracy \d\.\d{4} · [\d,]+ samples/s · \d+\.\d s$", lines[^1]);
        Assert.All(sink.ValuesOf(sink.Displayed[1]), value => Assert.IsAssignableFrom<GenericChart>(value));
        Assert.Equal(2, sink.ValuesOf(sink.Displayed[1]).Count);                                  // the chart is updated after epoch 2
    }

    [Fact]
    public void TheLiveChartIsRedrawnAtMostEveryTwoSecondsAndAfterTheLastEpoch()
    {
        var (X, y) = Blobs.Make(64, seed: 6);
        var net = Blobs.Net();
        using var optimizer = optim.Adam(net.parameters(), lr: 0.01);
        var sink = new RecordingSink();
        Notebook.Sink = sink;
        try
        {
            Trainer.Fit(net, X, y, Blobs.CrossEntropy, optimizer, new TrainOptions(NumEpochs: 30, BatchSize: 64));   // 30 epochs of one batch
        }
        finally
        {
            Notebook.Sink = null!;
        }

        var charts = sink.ValuesOf(sink.Displayed[1]).Cast<GenericChart>().ToList();
        Assert.InRange(charts.Count, 2, 10);                                                    // first epoch, last epoch, a few between at most
        var figure = System.Text.Json.JsonDocument.Parse(MimeBundle.From(charts[^1])[MimeBundle.PlotlyJson]).RootElement;
        Assert.Equal(30, figure.GetProperty("data")[0].GetProperty("y").GetArrayLength());      // the last drawing shows every epoch
    }

    [Fact]
    public void SchedulerStepsOncePerEpoch()
    {
        var (X, y) = Blobs.Make(128, seed: 12);
        var net = Blobs.Net();
        using var optimizer = optim.SGD(net.parameters(), 0.1);
        Trainer.Fit(net, X, y, Blobs.CrossEntropy, optimizer,
            new TrainOptions(NumEpochs: 3, BatchSize: 16, ShowProgress: false, Scheduler: optim.lr_scheduler.StepLR(optimizer, step_size: 1, gamma: 0.5)));
        Assert.Equal(0.0125, optimizer.ParamGroups.First().LearningRate, 10);
    }

    [Fact]
    public void ReduceLROnPlateauGetsTheEpochLoss()
    {
        var (X, y) = Blobs.Make(64, seed: 13);
        var net = Blobs.Net();
        using var optimizer = optim.SGD(net.parameters(), 0.1);
        Trainer.FitCustom(net, X, y, (xb, yb) => (net.call(xb) * 0).sum(), optimizer,            // a constant loss: a plateau
            new TrainOptions(NumEpochs: 3, ShowProgress: false, Scheduler: optim.lr_scheduler.ReduceLROnPlateau(optimizer, patience: 0)));
        Assert.True(optimizer.ParamGroups.First().LearningRate < 0.1);
    }

    [Fact]
    public void OnEpochSeesEachEpochsFigures()
    {
        var (X, y) = Blobs.Make(128, seed: 6);
        var net = Blobs.Net();
        using var optimizer = optim.SGD(net.parameters(), 0.1);
        var seen = new List<int>();
        var history = Trainer.Fit(net, X, y, Blobs.CrossEntropy, optimizer, new TrainOptions(NumEpochs: 3, ShowProgress: false, OnEpoch: e => seen.Add(e.Epoch)));
        Assert.Equal(new[] { 1, 2, 3 }, seen);
        Assert.All(history, e => Assert.True(e.SamplesPerSecond > 0 && e.Seconds > 0));
    }

    /// <summary>The label of every row in the order the loop fed them, over two epochs of 100 rows.</summary>
    private static long[] BatchOrder(int seed, bool shuffle)
    {
        var X = torch.arange(100, dtype: ScalarType.Float32).reshape(100, 1);                   // (100, 1)
        var y = torch.arange(100);                                                              // (100) row ids
        var net = nn.Linear(1, 1);
        using var optimizer = optim.SGD(net.parameters(), 0.0);
        var order = new List<long>();
        Trainer.FitCustom(net, X, y, (xb, yb) =>
        {
            order.AddRange(yb.data<long>().ToArray());
            return net.call(xb).mean();
        }, optimizer, new TrainOptions(NumEpochs: 2, BatchSize: 32, Shuffle: shuffle, Seed: seed, ShowProgress: false));
        return order.ToArray();
    }

    /// <summary>Records what library code displays, per display handle.</summary>
    private sealed class RecordingSink : IDisplaySink
    {
        private readonly Dictionary<string, List<object?>> values = [];

        public List<string> Displayed { get; } = [];

        public List<object?> ValuesOf(string id) => values[id];

        public void Display(DisplayHandle handle, object? value)
        {
            Displayed.Add(handle.DisplayId);
            values[handle.DisplayId] = [value];
        }

        public void Update(DisplayHandle handle, object? value) => values[handle.DisplayId].Add(value);
    }
}
