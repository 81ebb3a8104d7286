using System.Runtime;
using Course.Native;
using Course.Training;
using TorchSharp;
using Xunit;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Course.Tests.Training;

/// <summary>Runs alone: it measures the whole process's resident memory.</summary>
[CollectionDefinition(nameof(MemoryTests), DisableParallelization = true)]
public sealed class MemoryTestsCollection;

/// <summary>The one resource test: training holds memory flat over many epochs (DESIGN.md, "Memory").</summary>
[Collection(nameof(MemoryTests))]
public sealed class MemoryTests
{
    private readonly ITestOutputHelper output;

    public MemoryTests(ITestOutputHelper output)
    {
        TorchNative.EnsureLoaded();
        this.output = output;
    }

    /// <summary>
    /// 10 epochs of an MLP 784-256-10 with Adam on 8,192 random samples grow RSS by at most 15 MB after the first
    /// epoch. A no-GC region stops the incidental collections that would hide a loop leaving native memory to
    /// finalizers (TorchSharp's Scalars): measured here, the trainer without its collections grew 44.7 MB over epochs 2–10, with them 5 MB.
    /// The long run is <c>course bench</c>'s training-memory figure.
    /// </summary>
    [Fact]
    public void TenEpochsOfAdamGrowResidentMemoryByAtMostFifteenMegabytes()
    {
        using var generator = new torch.Generator(11);
        var X = torch.randn([8192, 784], generator: generator);                                  // (N, 784)
        var y = torch.randint(0, 10, [8192], generator: generator);                               // (N)
        var net = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10));
        using var optimizer = optim.Adam(net.parameters(), lr: 1e-3);
        double rssAfterFirstEpoch = 0;

        bool noGc = GC.TryStartNoGCRegion(200_000_000);
        try
        {
            Trainer.Fit(net, X, y, (yHat, target) => nn.functional.cross_entropy(yHat, target), optimizer,
                new TrainOptions(NumEpochs: 10, BatchSize: 128, ShowProgress: false,
                                 OnEpoch: e => { if (e.Epoch == 1) rssAfterFirstEpoch = ResidentMegabytes(); }));
        }
        finally
        {
            if (noGc && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
        }

        double growth = ResidentMegabytes() - rssAfterFirstEpoch;
        output.WriteLine($"RSS after epoch 1: {rssAfterFirstEpoch:F1} MB; growth over epochs 2–10: {growth:F1} MB");
        Assert.True(growth <= 15, $"RSS grew {growth:F1} MB over epochs 2–10");
    }

    /// <summary>Resident set size of this process from /proc/self/statm, in MB.</summary>
    private static double ResidentMegabytes()
    {
        var fields = File.ReadAllText("/proc/self/statm").Split(' ');
        return long.Parse(fields[1]) * (double)Environment.SystemPageSize / (1024 * 1024);
    }
}
