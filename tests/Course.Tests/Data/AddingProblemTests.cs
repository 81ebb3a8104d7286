using Course.Data;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Data;

/// <summary>The adding problem (Hochreiter &amp; Schmidhuber 1997; Le et al. 2015 form).</summary>
public sealed class AddingProblemTests
{
    [Fact]
    public void ShapesAreSequencesOfValueAndMarker()
    {
        var data = AddingProblem.Make(10, 50, seed: 1);
        Assert.Equal(new long[] { 10, 50, 2 }, data.X.shape);
        Assert.Equal(new long[] { 10 }, data.y.shape);
        Assert.Equal(50, data.Length);
    }

    [Fact]
    public void EachSequenceHasOneMarkerInEachHalf()
    {
        var markers = AddingProblem.Make(200, 50, seed: 2).X.select(2, 1);               // (N, T)
        Assert.True(markers.narrow(1, 0, 25).sum(1).eq(1).all().item<bool>());
        Assert.True(markers.narrow(1, 25, 25).sum(1).eq(1).all().item<bool>());
    }

    [Fact]
    public void TheTargetIsTheSumOfTheTwoMarkedValuesByALoop()
    {
        var data = AddingProblem.Make(20, 12, seed: 3);
        for (int n = 0; n < 20; n++)
        {
            double sum = 0;
            for (int t = 0; t < 12; t++)
                if (data.X[n, t, 1].item<float>() == 1) sum += data.X[n, t, 0].item<float>();
            Assert.Equal(sum, data.y[n].item<float>(), 5);
        }
    }

    [Fact]
    public void TheSameSeedGivesTheSameSequences() =>
        Assert.True(AddingProblem.Make(5, 20, seed: 4).X.eq(AddingProblem.Make(5, 20, seed: 4).X).all().item<bool>());

    [Fact]
    public void AlwaysAnsweringOneScoresAboutOneSixth()
    {
        var y = AddingProblem.Make(50_000, 20, seed: 5).y;
        Assert.Equal(AddingProblem.BaselineMse, (y - 1).square().mean().item<float>(), 2);
    }

    [Fact]
    public void FromMarkersBuildsTheHandExample()
    {
        var data = AddingProblem.FromMarkers(tensor(new float[] { 0.5f, 0.25f, 0.125f, 1f }).unsqueeze(0), tensor(new long[] { 1, 3 }).unsqueeze(0));
        Assert.Equal(new float[] { 0, 1, 0, 1 }, data.X[0, TensorIndex.Colon, 1].data<float>().ToArray());
        Assert.Equal(1.25f, data.y[0].item<float>());
    }

    [Fact]
    public void PositionsOutsideTheSequenceAreRejectedNamingThem()
    {
        var ex = Assert.Throws<ArgumentException>(() => AddingProblem.FromMarkers(zeros(1, 4), tensor(new long[] { 0, 4 }).unsqueeze(0)));
        Assert.Contains("[0, 4)", ex.Message);
    }

    [Fact]
    public void MismatchedShapesAreRejectedNamingThem()
    {
        var ex = Assert.Throws<ArgumentException>(() => AddingProblem.FromMarkers(zeros(3, 4), zeros(2, 2, ScalarType.Int64)));
        Assert.Contains("(3, 4)", ex.Message);
        Assert.Contains("(2, 2)", ex.Message);
    }
}
