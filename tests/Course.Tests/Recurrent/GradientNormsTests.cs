using Course.Recurrent;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Recurrent;

/// <summary>‖∂h_t/∂h_0‖ against autograd one unit at a time, the lecture's product of Jacobians, and hand values.</summary>
public sealed class GradientNormsTests
{
    /// <summary>The slow way: one backward pass per output unit, from a single (un-copied) initial state.</summary>
    private static Tensor JacobianOneUnitAtATime(Func<Tensor, Tensor> run, Tensor state0)
    {
        var rows = new List<Tensor>();
        for (int k = 0; k < state0.shape[0]; k++)
        {
            var s0 = state0.detach().clone().unsqueeze(0).requires_grad_(true);          // (1, H)
            var sT = run(s0);                                                               // (1, H)
            rows.Add(torch.autograd.grad([sT[0, k]], [s0])[0][0]);
        }
        return stack(rows);
    }

    private static double SpectralNorm(Tensor J) => linalg.svdvals(J.to(ScalarType.Float64)).max().item<double>();

    [Fact]
    public void RnnNormsEqualTheSpectralNormsOfAutogradJacobians()
    {
        manual_seed(5);
        var cell = new RnnCell(2, 4);
        var xs = randn(6, 2);
        var h0 = randn(4) * 0.5;
        var norms = GradientNorms.Rnn(cell, xs, h0);
        Assert.Equal(6, norms.Length);
        foreach (int T in new[] { 1, 3, 6 })
        {
            var J = JacobianOneUnitAtATime(h => { for (int t = 0; t < T; t++) h = cell.call(xs[t].unsqueeze(0), h); return h; }, h0);
            Assert.Equal(SpectralNorm(J), norms[T - 1], 4);
        }
    }

    [Fact]
    public void TheLecturesProductOfJacobiansEqualsAutograd()
    {
        manual_seed(6);
        var cell = new RnnCell(3, 5);
        var xs = randn(4, 3);
        var byHand = GradientNorms.RnnJacobians(cell, xs);
        var J = JacobianOneUnitAtATime(h => { for (int t = 0; t < 4; t++) h = cell.call(xs[t].unsqueeze(0), h); return h; }, zeros(5));
        Assert.True(byHand[3].allclose(J, 1e-5, 1e-6));
    }

    [Fact]
    public void LstmNormsEqualTheSpectralNormsOfAutogradJacobians()
    {
        manual_seed(7);
        var cell = new LstmCell(2, 4);
        var xs = randn(5, 2);
        var h0 = randn(4) * 0.5;
        var c0 = randn(4);
        var norms = GradientNorms.Lstm(cell, xs, h0, c0);
        var J = JacobianOneUnitAtATime(h =>
        {
            (Tensor, Tensor) s = (h, c0.unsqueeze(0));
            for (int t = 0; t < 5; t++) s = cell.call(xs[t].unsqueeze(0), s);
            return s.Item1;
        }, h0);
        Assert.Equal(SpectralNorm(J), norms[4], 4);
    }

    [Fact]
    public void WithZeroWeightsTheCellStatePathHalvesEveryStep()
    {
        var cell = new LstmCell(1, 3);
        using (no_grad()) { cell.W.zero_(); cell.Bias.zero_(); }                                 // f = ½ everywhere: c_t = ½ c_{t−1}
        var norms = GradientNorms.Lstm(cell, randn(5, 1), throughCellState: true);
        for (int t = 1; t <= 5; t++) Assert.Equal(Math.Pow(0.5, t), norms[t - 1], 6);
    }

    [Theory]
    [InlineData(0.9)]
    [InlineData(1.1)]
    public void ScaledOrthogonalHasAllSingularValuesEqual(double s)
    {
        var sv = linalg.svdvals(GradientNorms.ScaledOrthogonal(8, s, seed: 3));
        Assert.True(sv.allclose(full(8, (float)s), 1e-5, 1e-5));
    }

    [Fact]
    public void ALargestSingularValueBelowOneBoundsTheNormByItsPower()
    {
        var cell = new RnnCell(1, 16);
        using (no_grad()) cell.W_hh.copy_(GradientNorms.ScaledOrthogonal(16, 0.9));
        var norms = GradientNorms.Rnn(cell, randn(30, 1));
        for (int t = 1; t <= 30; t++) Assert.True(norms[t - 1] <= Math.Pow(0.9, t) * (1 + 1e-4), $"t = {t}: {norms[t - 1]} > 0.9^{t}");
    }

    [Fact]
    public void InputsOfTheWrongShapeAreRejectedNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => GradientNorms.Rnn(new RnnCell(2, 3), zeros(4, 3, 2)));
        Assert.Contains("(4, 3, 2)", ex.Message);
        var ex2 = Assert.Throws<ArgumentException>(() => GradientNorms.Lstm(new LstmCell(2, 3), zeros(4, 2), zeros(5)));
        Assert.Contains("(5)", ex2.Message);
    }
}
