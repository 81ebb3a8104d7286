using Course.Recurrent;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Recurrent;

/// <summary>The peephole LSTM cell against nn.LSTMCell (zero peepholes) and against the lecture's equations written as loops.</summary>
public sealed class PeepholeLstmCellTests
{
    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    /// <summary>One step of seed 002's equations, element by element, in double precision.</summary>
    private static (double[,] H, double[,] C) LoopStep(PeepholeLstmCell cell, Tensor x, Tensor h, Tensor c)
    {
        var u = cell.U.detach().to_type(ScalarType.Float64);
        var w = cell.W.detach().to_type(ScalarType.Float64);
        var b = cell.Bias.detach().to_type(ScalarType.Float64);
        var vi = cell.PeepholeInput.detach().to_type(ScalarType.Float64);
        var vf = cell.PeepholeForget.detach().to_type(ScalarType.Float64);
        var vo = cell.PeepholeOutput.detach().to_type(ScalarType.Float64);
        int batch = (int)x.shape[0], n = cell.HiddenSize, m = cell.InputSize;
        var hOut = new double[batch, n];
        var cOut = new double[batch, n];
        for (int s = 0; s < batch; s++)
            for (int j = 0; j < n; j++)
            {
                double Pre(int gate)
                {
                    int row = gate * n + j;
                    double z = b[row].item<double>();
                    for (int k = 0; k < m; k++) z += u[row, k].item<double>() * x[s, k].item<float>();
                    for (int k = 0; k < n; k++) z += w[row, k].item<double>() * h[s, k].item<float>();
                    return z;
                }
                double cPrev = c[s, j].item<float>();
                double inputGate = Sigmoid(Pre(0) + vi[j].item<double>() * cPrev);
                double forgetGate = Sigmoid(Pre(1) + vf[j].item<double>() * cPrev);
                double candidate = Math.Tanh(Pre(2));
                double cell_ = forgetGate * cPrev + inputGate * candidate;
                double outputGate = Sigmoid(Pre(3) + vo[j].item<double>() * cell_);
                cOut[s, j] = cell_;
                hOut[s, j] = outputGate * Math.Tanh(cell_);
            }
        return (hOut, cOut);
    }

    private static void AssertClose(double[,] expected, Tensor actual, double tolerance = 1e-5)
    {
        for (int i = 0; i < expected.GetLength(0); i++)
            for (int j = 0; j < expected.GetLength(1); j++)
                Assert.True(Math.Abs(expected[i, j] - actual[i, j].item<float>()) <= tolerance,
                            $"[{i}, {j}]: expected {expected[i, j]}, got {actual[i, j].item<float>()}");
    }

    private static PeepholeLstmCell CellWithRandomPeepholes(int inputSize, int hiddenSize)
    {
        var cell = new PeepholeLstmCell(inputSize, hiddenSize);
        using var noGrad = no_grad();
        cell.PeepholeInput.copy_(randn(hiddenSize));
        cell.PeepholeForget.copy_(randn(hiddenSize));
        cell.PeepholeOutput.copy_(randn(hiddenSize));
        return cell;
    }

    [Fact]
    public void WithZeroPeepholesItComputesWhatNnLstmCellComputes()
    {
        manual_seed(1);
        var reference = nn.LSTMCell(5, 4);
        var cell = new PeepholeLstmCell(5, 4);
        using (no_grad())
        {
            cell.U.copy_(reference.weight_ih!);
            cell.W.copy_(reference.weight_hh!);
            cell.Bias.copy_(reference.bias_ih! + reference.bias_hh!);
        }
        (Tensor, Tensor)? expected = (zeros(3, 4), zeros(3, 4));                      // TorchSharp 0.107's LSTMCell rejects a null state
        (Tensor H, Tensor C)? actual = null;                                             // ours starts from zeros by itself
        for (int t = 0; t < 4; t++)                                                     // several steps: the state carries over
        {
            var x = randn(3, 5);
            expected = reference.call(x, expected);
            actual = cell.call(x, actual);
            Assert.True(expected.Value.Item1.allclose(actual.Value.H, 1e-5, 1e-6), $"h differs at step {t}");
            Assert.True(expected.Value.Item2.allclose(actual.Value.C, 1e-5, 1e-6), $"C differs at step {t}");
        }
    }

    [Fact]
    public void PeepholesStartAtZero()
    {
        var cell = new PeepholeLstmCell(3, 6);
        foreach (var v in new[] { cell.PeepholeInput, cell.PeepholeForget, cell.PeepholeOutput })
            Assert.Equal(0f, v.abs().max().item<float>());
    }

    [Fact]
    public void OneStepMatchesTheLectureEquationsWrittenAsLoops()
    {
        manual_seed(2);
        var cell = CellWithRandomPeepholes(3, 4);
        var (x, h, c) = (randn(2, 3), randn(2, 4), randn(2, 4));
        var (hNew, cNew) = cell.call(x, (h, c));
        var (hLoop, cLoop) = LoopStep(cell, x, h, c);
        AssertClose(hLoop, hNew);
        AssertClose(cLoop, cNew);
    }

    [Fact]
    public void PeepholesChangeTheResult()
    {
        manual_seed(3);
        var cell = CellWithRandomPeepholes(3, 4);
        var (x, h, c) = (randn(2, 3), randn(2, 4), randn(2, 4));
        var withPeepholes = cell.call(x, (h, c)).H;
        using (no_grad()) cell.PeepholeOutput.zero_();
        Assert.False(withPeepholes.allclose(cell.call(x, (h, c)).H, 1e-4, 1e-5));
    }

    [Fact]
    public void GatesNameEveryQuantityAndAgreeWithForward()
    {
        manual_seed(4);
        var cell = CellWithRandomPeepholes(2, 3);
        var (x, h, c) = (randn(5, 2), randn(5, 3), randn(5, 3));
        var g = cell.Gates(x, (h, c));
        Assert.True(g.CellState.allclose(g.ForgetGate * c + g.InputGate * g.Candidate, 1e-6, 1e-7));
        Assert.True(g.HiddenState.allclose(g.OutputGate * g.CellState.tanh(), 1e-6, 1e-7));
        Assert.True(g.HiddenState.allclose(cell.call(x, (h, c)).H));
        foreach (var gate in new[] { g.ForgetGate, g.InputGate, g.OutputGate })
            Assert.True(gate.min().item<float>() > 0 && gate.max().item<float>() < 1);
    }

    [Fact]
    public void NoStateMeansZeroState()
    {
        var cell = CellWithRandomPeepholes(2, 3);
        var x = randn(4, 2);
        Assert.True(cell.call(x, null).H.allclose(cell.call(x, (zeros(4, 3), zeros(4, 3))).H));
    }

    [Fact]
    public void GradientsReachEveryParameter()
    {
        var cell = CellWithRandomPeepholes(2, 3);
        var (h, c) = cell.call(randn(4, 2), (randn(4, 3), randn(4, 3)));
        (h.sum() + c.sum()).backward();
        Assert.All(cell.parameters(), p => Assert.True(p.grad is not null && p.grad.abs().sum().item<float>() > 0));
    }

    [Fact]
    public void AnInputOfTheWrongWidthIsRejectedNamingItsShape()
    {
        var ex = Assert.Throws<ArgumentException>(() => new PeepholeLstmCell(5, 4).call(zeros(3, 7), null));
        Assert.Contains("(3, 7)", ex.Message);
        Assert.Contains("(B, 5)", ex.Message);
    }

    [Fact]
    public void AStateOfTheWrongShapeIsRejectedNamingBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => new PeepholeLstmCell(5, 4).call(zeros(3, 5), (zeros(3, 4), zeros(2, 4))));
        Assert.Contains("(2, 4)", ex.Message);
        Assert.Contains("(3, 4)", ex.Message);
        Assert.Contains("C(t−1)", ex.Message);
    }
}
