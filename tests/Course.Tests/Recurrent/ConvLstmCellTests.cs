using Course.Recurrent;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Recurrent;

/// <summary>The ConvLSTM cell against seed 002's equations with the convolutions written as loops.</summary>
public sealed class ConvLstmCellTests
{
    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    /// <summary>"Same" cross-correlation of (B, Cin, H, W) with (Cout, Cin, k, k), zero padding, by loops.</summary>
    private static double[,,,] LoopConv(float[,,,] input, Tensor kernel)
    {
        int batch = input.GetLength(0), cin = input.GetLength(1), height = input.GetLength(2), width = input.GetLength(3);
        int cout = (int)kernel.shape[0], k = (int)kernel.shape[2], pad = k / 2;
        var kern = kernel.detach().to_type(ScalarType.Float64).contiguous().data<double>().ToArray();
        var result = new double[batch, cout, height, width];
        for (int s = 0; s < batch; s++)
            for (int o = 0; o < cout; o++)
                for (int r = 0; r < height; r++)
                    for (int q = 0; q < width; q++)
                    {
                        double sum = 0;
                        for (int i = 0; i < cin; i++)
                            for (int dr = 0; dr < k; dr++)
                                for (int dq = 0; dq < k; dq++)
                                {
                                    int rr = r + dr - pad, qq = q + dq - pad;
                                    if (rr < 0 || rr >= height || qq < 0 || qq >= width) continue;
                                    sum += kern[((o * cin + i) * k + dr) * k + dq] * input[s, i, rr, qq];
                                }
                        result[s, o, r, q] = sum;
                    }
        return result;
    }

    private static float[,,,] ToArray(Tensor t)
    {
        var shape = t.shape.Select(d => (int)d).ToArray();
        var flat = t.detach().contiguous().data<float>().ToArray();
        var a = new float[shape[0], shape[1], shape[2], shape[3]];
        Buffer.BlockCopy(flat, 0, a, 0, flat.Length * sizeof(float));
        return a;
    }

    private static ConvLstmCell CellWithRandomPeepholes(int cin, int ch, int k, int height, int width)
    {
        var cell = new ConvLstmCell(cin, ch, k, height, width);
        using var noGrad = no_grad();
        cell.PeepholeInput.copy_(randn(ch, height, width));
        cell.PeepholeForget.copy_(randn(ch, height, width));
        cell.PeepholeOutput.copy_(randn(ch, height, width));
        return cell;
    }

    [Fact]
    public void OneStepMatchesTheLectureEquationsWithConvolutionsAsLoops()
    {
        manual_seed(5);
        int batch = 2, cin = 2, ch = 3, k = 3, height = 5, width = 4;                     // H ≠ W catches swapped axes
        var cell = CellWithRandomPeepholes(cin, ch, k, height, width);
        var (x, h, c) = (randn(batch, cin, height, width), randn(batch, ch, height, width), randn(batch, ch, height, width));
        var (hNew, cNew) = cell.call(x, (h, c));

        var ux = LoopConv(ToArray(x), cell.U);                                          // U * x(t)
        var wh = LoopConv(ToArray(h), cell.W);                                          // W * h(t−1)
        var b = cell.Bias.detach().data<float>().ToArray();
        var (vi, vf, vo) = (ToArray(cell.PeepholeInput.unsqueeze(0)), ToArray(cell.PeepholeForget.unsqueeze(0)), ToArray(cell.PeepholeOutput.unsqueeze(0)));
        var cPrev = ToArray(c);
        var (hGot, cGot) = (ToArray(hNew), ToArray(cNew));
        for (int s = 0; s < batch; s++)
            for (int j = 0; j < ch; j++)
                for (int r = 0; r < height; r++)
                    for (int q = 0; q < width; q++)
                    {
                        double Pre(int gate) => ux[s, gate * ch + j, r, q] + wh[s, gate * ch + j, r, q] + b[gate * ch + j];
                        double inputGate = Sigmoid(Pre(0) + vi[0, j, r, q] * cPrev[s, j, r, q]);
                        double forgetGate = Sigmoid(Pre(1) + vf[0, j, r, q] * cPrev[s, j, r, q]);
                        double cell_ = forgetGate * cPrev[s, j, r, q] + inputGate * Math.Tanh(Pre(2));
                        double outputGate = Sigmoid(Pre(3) + vo[0, j, r, q] * cell_);
                        Assert.True(Math.Abs(cell_ - cGot[s, j, r, q]) < 1e-5, $"C[{s}, {j}, {r}, {q}]: expected {cell_}, got {cGot[s, j, r, q]}");
                        Assert.True(Math.Abs(outputGate * Math.Tanh(cell_) - hGot[s, j, r, q]) < 1e-5, $"h[{s}, {j}, {r}, {q}] differs");
                    }
    }

    [Fact]
    public void WithOneByOneKernelsEachPixelIsAPeepholeLstmCell()
    {
        manual_seed(6);
        int cin = 2, ch = 3, height = 2, width = 3;
        var conv = new ConvLstmCell(cin, ch, 1, height, width);
        var dense = new PeepholeLstmCell(cin, ch);
        using (no_grad())
        {
            dense.U.copy_(conv.U.reshape(4 * ch, cin));
            dense.W.copy_(conv.W.reshape(4 * ch, ch));
            dense.Bias.copy_(conv.Bias);
            var (vi, vf, vo) = (randn(ch), randn(ch), randn(ch));                       // the same peephole at every pixel
            dense.PeepholeInput.copy_(vi); dense.PeepholeForget.copy_(vf); dense.PeepholeOutput.copy_(vo);
            conv.PeepholeInput.copy_(vi.reshape(ch, 1, 1).expand(ch, height, width));
            conv.PeepholeForget.copy_(vf.reshape(ch, 1, 1).expand(ch, height, width));
            conv.PeepholeOutput.copy_(vo.reshape(ch, 1, 1).expand(ch, height, width));
        }
        var (x, h, c) = (randn(2, cin, height, width), randn(2, ch, height, width), randn(2, ch, height, width));
        static Tensor PerPixel(Tensor t) => t.permute(0, 2, 3, 1).reshape(-1, t.shape[1]);  // (B·H·W, C)
        var (hConv, cConv) = conv.call(x, (h, c));
        var (hDense, cDense) = dense.call(PerPixel(x), (PerPixel(h), PerPixel(c)));
        Assert.True(PerPixel(hConv).allclose(hDense, 1e-5, 1e-6));
        Assert.True(PerPixel(cConv).allclose(cDense, 1e-5, 1e-6));
    }

    [Fact]
    public void MapsKeepTheirSizeAndTheStateHasTheHiddenChannels()
    {
        var cell = new ConvLstmCell(1, 8, 5, 16, 16);
        var (h, c) = cell.call(rand(3, 1, 16, 16), null);
        Assert.Equal(new long[] { 3, 8, 16, 16 }, h.shape);
        Assert.Equal(new long[] { 3, 8, 16, 16 }, c.shape);
    }

    [Theory]
    [InlineData(1, 8, 5, 16, 16)]
    [InlineData(2, 3, 3, 5, 4)]
    public void ParameterCountIsKernelsBiasesAndOnePeepholePerPixel(int cin, int ch, int k, int height, int width) =>
        Assert.Equal(4L * ch * (ch + cin) * k * k + 4 * ch + 3L * ch * height * width,
                     new ConvLstmCell(cin, ch, k, height, width).parameters().Sum(p => p.numel()));

    [Fact]
    public void WAndUAreTheHalvesOfTheJointKernel()
    {
        var cell = new ConvLstmCell(2, 3, 3, 4, 4);
        Assert.Equal(new long[] { 12, 3, 3, 3 }, cell.W.shape);
        Assert.Equal(new long[] { 12, 2, 3, 3 }, cell.U.shape);
    }

    [Fact]
    public void AnEvenKernelIsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ConvLstmCell(1, 4, 4, 16, 16));
        Assert.Contains("odd", ex.Message);
    }

    [Fact]
    public void AFrameOfTheWrongSizeIsRejectedNamingBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ConvLstmCell(1, 4, 3, 16, 16).call(zeros(2, 1, 28, 28), null));
        Assert.Contains("(2, 1, 28, 28)", ex.Message);
        Assert.Contains("(B, 1, 16, 16)", ex.Message);
    }

    [Fact]
    public void AStateWithTheWrongChannelsIsRejectedNamingItsShape()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ConvLstmCell(1, 4, 3, 8, 8).call(zeros(2, 1, 8, 8), (zeros(2, 3, 8, 8), zeros(2, 4, 8, 8))));
        Assert.Contains("(2, 3, 8, 8)", ex.Message);
        Assert.Contains("(2, 4, 8, 8)", ex.Message);
        Assert.Contains("h(t−1)", ex.Message);
    }
}
