using System.Text.Json;
using Course.Generative;
using Course.Training;
using Plotly.NET;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Generative;

/// <summary>Latent grids, traversals and interpolations (seed 001, "Interpret hidden latent variables using perturbation"), and the latent charts.</summary>
public sealed class LatentSpaceTests
{
    [Fact]
    public void GaussianQuantilesAreTheInverseNormalCdf()
    {
        var z = LatentSpace.GaussianQuantiles(3, 0.975).data<float>().ToArray();
        Assert.Equal(-1.959964, z[0], 4);
        Assert.Equal(0, z[1], 6);
        Assert.Equal(1.959964, z[2], 4);
        Assert.Equal(1.644854, LatentSpace.GaussianQuantiles(5).data<float>()[4], 4);
    }

    [Fact]
    public void GridRowsGoDownInZ2AndColumnsGoRightInZ1()
    {
        var grid = LatentSpace.Grid(3, 0.975);
        Assert.Equal(new long[] { 9, 2 }, grid.shape);
        Assert.Equal(new[] { -1.96f, 1.96f }, Round(grid[0]));       // top left
        Assert.Equal(new[] { 1.96f, 1.96f }, Round(grid[2]));        // top right
        Assert.Equal(new[] { 0f, 0f }, Round(grid[4]));               // centre
        Assert.Equal(new[] { -1.96f, -1.96f }, Round(grid[6]));      // bottom left
    }

    [Fact]
    public void TraverseChangesOnlyTheChosenCoordinate()
    {
        var z = tensor(new[] { 0.5f, -1f, 2f });
        var codes = LatentSpace.Traverse(z, 1, tensor(new[] { -3f, 0f, 3f, 6f }));
        Assert.Equal(new long[] { 4, 3 }, codes.shape);
        Assert.Equal(new[] { -3f, 0f, 3f, 6f }, codes[.., 1].data<float>().ToArray());
        Assert.True(codes[.., 0].eq(0.5f).all().item<bool>() && codes[.., 2].eq(2f).all().item<bool>());
        Assert.Equal(-1f, z[1].item<float>());                       // the input is untouched
    }

    [Fact]
    public void InterpolateRunsFromOneCodeToTheOther()
    {
        var codes = LatentSpace.Interpolate(tensor(new[] { 0f, 4f }), tensor(new[,] { { 2f, 0f } }), 5);
        Assert.Equal(new[] { 0f, 4f, 0.5f, 3f, 1f, 2f, 1.5f, 1f, 2f, 0f }, codes.data<float>().ToArray());
    }

    [Fact]
    public void BadArgumentsAreErrorsThatNameThem()
    {
        Assert.Contains("dim = 3", Assert.Throws<ArgumentException>(() => LatentSpace.Traverse(zeros(3), 3, zeros(2))).Message);
        Assert.Contains("(2, 3)", Assert.Throws<ArgumentException>(() => LatentSpace.Interpolate(zeros(2, 3), zeros(3), 4)).Message);
        Assert.Throws<ArgumentException>(() => LatentSpace.Interpolate(zeros(3), zeros(3), 1));
        Assert.Throws<ArgumentException>(() => LatentSpace.GaussianQuantiles(4, 1.0));
    }

    [Fact]
    public void KlPerVariableAddsUpToTheRegularizationTerm()
    {
        manual_seed(61);
        var mu = randn(50, 6);
        var logVar = randn(50, 6);
        var perVariable = LatentCharts.KlPerVariable(mu, logVar);
        Assert.Equal(6, perVariable.Length);
        Assert.Equal(KlDivergence.ToStandardNormal(mu, logVar).mean().item<float>(), perVariable.Sum(), 4);
    }

    [Fact]
    public void ElboHistoryChartsTheTwoTermsPerEpoch()
    {
        var history = new ElboHistory("VAE", numEpochs: 2, show: false);
        history.Add(new EpochStats(1, 150, double.NaN, double.NaN, 0.5, 16_000), new ElboSummary(120, 20));
        history.Add(new EpochStats(2, 130, double.NaN, double.NaN, 0.5, 16_000), new ElboSummary(100, 22));
        Assert.Equal(122, history.Last!.Test.NegativeElbo);
        var traces = Figure(history.ToChart()).GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(new[] { "train −ELBO", "test −ELBO", "test reconstruction term", "test regularization term (KL)" },
                     traces.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(new[] { 20.0, 22.0 }, traces[3].GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Contains("epoch 2/2", history.ToString());
    }

    private static float[] Round(Tensor t) => t.data<float>().Select(v => MathF.Round(v, 2)).ToArray();

    private static JsonElement Figure(GenericChart chart) => JsonDocument.Parse(GenericChart.toJson(chart)).RootElement;
}
