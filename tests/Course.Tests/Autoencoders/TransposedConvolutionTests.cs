using Course.Autoencoders;
using Course.Convolution;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Autoencoders;

/// <summary>Transposed convolution by hand (scatter and zero-insertion) against ConvTranspose2d, and its size formula.</summary>
public sealed class TransposedConvolutionTests
{
    [Theory]
    [InlineData(2, 3, 2, 0, 0, 5)]     // the notebook's worked example
    [InlineData(7, 2, 2, 0, 0, 14)]    // the ConvAutoencoder's decoder
    [InlineData(7, 3, 2, 1, 1, 14)]    // 3×3, stride 2, padding 1 needs output padding 1 to reach 14
    [InlineData(7, 3, 2, 1, 0, 13)]
    [InlineData(4, 3, 1, 0, 0, 6)]
    [InlineData(3, 4, 2, 1, 0, 6)]
    public void OutputSizeIsNMinusOneTimesSMinusTwoPPlusF(int n, int f, int s, int p, int outputPadding, int expected) =>
        Assert.Equal(expected, TransposedConvolution.OutputSize(n, f, s, p, outputPadding));

    [Theory]
    [InlineData(28, 3, 1, 1)]
    [InlineData(28, 2, 2, 0)]
    [InlineData(27, 3, 2, 1)]
    [InlineData(32, 5, 1, 0)]
    public void TransposedConvolutionUndoesTheSizeOfAConvolution(int n, int f, int s, int p) =>
        Assert.Equal(n, TransposedConvolution.OutputSize(ConvArithmetic.OutputSize(n, f, s, p), f, s, p));

    [Fact]
    public void ScatterOfTheWorkedExampleAddsTheOverlappingStamps()
    {
        var output = TransposedConvolution.Scatter(new float[,] { { 1, 2 }, { 3, 4 } }, Ones(3), stride: 2);
        var expected = new float[,]
        {
            { 1, 1, 3, 2, 2 },
            { 1, 1, 3, 2, 2 },
            { 4, 4, 10, 6, 6 },
            { 3, 3, 7, 4, 4 },
            { 3, 3, 7, 4, 4 },
        };
        Assert.Equal(expected, output);
    }

    [Theory]
    [InlineData(2, 2, 3, 2, 0)]
    [InlineData(3, 4, 3, 2, 1)]
    [InlineData(4, 4, 2, 2, 0)]
    [InlineData(3, 3, 3, 1, 0)]
    [InlineData(3, 2, 4, 3, 2)]
    [InlineData(5, 5, 3, 1, 1)]
    public void BothHandVersionsMatchConvTranspose2d(int rows, int columns, int f, int stride, int padding)
    {
        var generator = new Generator((ulong)(rows * 100 + f * 10 + stride));
        var x = randn(rows, columns, ScalarType.Float64, generator: generator);
        var kernel = randn(f, f, ScalarType.Float64, generator: generator);
        // float64: this machine's libtorch (oneDNN with AVX2/AVX-512) computes some float32 stride-1/stride-3 transposed convolutions wrongly
        var layer = nn.ConvTranspose2d(1, 1, f, stride: stride, padding: padding, bias: false, dtype: ScalarType.Float64);
        using (no_grad()) layer.weight!.copy_(kernel.reshape(1, 1, f, f));                          // (in, out, F, F)
        Tensor reference;
        using (no_grad()) reference = layer.forward(x.reshape(1, 1, rows, columns)).squeeze(0).squeeze(0);
        var xArray = ToArray(x);
        var kernelArray = ToArray(kernel);
        var scatter = tensor(TransposedConvolution.Scatter(xArray, kernelArray, stride, padding));
        var asConvolution = tensor(TransposedConvolution.AsConvolution(xArray, kernelArray, stride, padding));
        Assert.Equal(reference.shape, scatter.shape);
        Assert.True(scatter.to_type(ScalarType.Float64).allclose(reference, 1e-4, 1e-5), $"scatter {scatter.ToString(torch.numpy)} vs {reference.ToString(torch.numpy)}");
        Assert.True(asConvolution.to_type(ScalarType.Float64).allclose(reference, 1e-4, 1e-5), $"as convolution {asConvolution.ToString(torch.numpy)} vs {reference.ToString(torch.numpy)}");
    }

    [Fact]
    public void DilatePutsStrideMinusOneZerosBetweenValuesAndPadsTheBorder()
    {
        var dilated = TransposedConvolution.Dilate(new float[,] { { 1, 2 }, { 3, 4 } }, stride: 2, padRows: 1);
        var expected = new float[,]
        {
            { 0, 0, 0, 0, 0 },
            { 0, 1, 0, 2, 0 },
            { 0, 0, 0, 0, 0 },
            { 0, 3, 0, 4, 0 },
            { 0, 0, 0, 0, 0 },
        };
        Assert.Equal(expected, dilated);
    }

    [Fact]
    public void BadArgumentsThrowNamingTheCall()
    {
        Assert.Contains("S=0", Assert.Throws<ArgumentException>(() => TransposedConvolution.OutputSize(4, 3, 0)).Message);
        Assert.Contains("[0, 2)", Assert.Throws<ArgumentException>(() => TransposedConvolution.OutputSize(4, 3, 2, 0, 2)).Message);
        Assert.Contains("P > F − 1", Assert.Throws<ArgumentException>(() => TransposedConvolution.AsConvolution(new float[5, 5], Ones(2), 1, 2)).Message);
        Assert.Throws<ArgumentException>(() => TransposedConvolution.Scatter(new float[0, 0], Ones(2)));
    }

    private static float[,] Ones(int f)
    {
        var k = new float[f, f];
        for (int i = 0; i < f; i++) for (int j = 0; j < f; j++) k[i, j] = 1;
        return k;
    }

    private static float[,] ToArray(Tensor t)
    {
        var values = t.to_type(ScalarType.Float32).data<float>().ToArray();
        int rows = (int)t.shape[0], columns = (int)t.shape[1];
        var result = new float[rows, columns];
        for (int i = 0; i < rows; i++) for (int j = 0; j < columns; j++) result[i, j] = values[i * columns + j];
        return result;
    }
}
