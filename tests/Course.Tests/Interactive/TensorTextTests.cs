using Course.Interactive;
using Course.Native;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Interactive;

/// <summary>Tensor reprs against the strings PyTorch 2.x prints for the same tensors (shape and dtype appended).</summary>
public sealed class TensorTextTests
{
    public TensorTextTests() => TorchNative.EnsureLoaded();

    private static readonly Dictionary<string, Func<Tensor>> Tensors = new()
    {
        ["[[1., 2.], [3., 4.]]"] = () => torch.tensor(new float[] { 1, 2, 3, 4 }).reshape(2, 2),
        ["[0.1, 0.25]"] = () => torch.tensor(new float[] { 0.1f, 0.25f }),
        ["[1, 2, 3]"] = () => torch.tensor(new long[] { 1, 2, 3 }),
        ["[1e-5, 1.]"] = () => torch.tensor(new double[] { 1e-5, 1 }),
        ["arange(2000)"] = () => torch.arange(2000),
        ["[True, False]"] = () => torch.tensor(new[] { true, false }),
        ["3.5"] = () => torch.tensor(3.5f),
        ["[-1.5, 2.25]"] = () => torch.tensor(new float[] { -1.5f, 2.25f }),
        ["arange(12.).reshape(2, 2, 3)"] = () => torch.arange(12, dtype: ScalarType.Float32).reshape(2, 2, 3),
        ["arange(30.)"] = () => torch.arange(30, dtype: ScalarType.Float32),
        ["[1., nan]"] = () => torch.tensor(new float[] { 1, float.NaN }),
        ["arange(100., 1300.).reshape(600, 2)"] = () => torch.arange(100, 1300, dtype: ScalarType.Float32).reshape(600, 2),
        ["arange(2000.).reshape(1000, 2)"] = () => torch.arange(2000, dtype: ScalarType.Float32).reshape(1000, 2),
    };

    [Theory]
    [InlineData("[[1., 2.], [3., 4.]]", "tensor([[1., 2.],\n        [3., 4.]]", "(2, 2)", "float32")]
    [InlineData("[0.1, 0.25]", "tensor([0.1000, 0.2500]", "(2)", "float32")]
    [InlineData("[1, 2, 3]", "tensor([1, 2, 3]", "(3)", "int64")]
    [InlineData("[1e-5, 1.]", "tensor([1.0000e-05, 1.0000e+00]", "(2)", "float64")]
    [InlineData("arange(2000)", "tensor([   0,    1,    2,  ..., 1997, 1998, 1999]", "(2000)", "int64")]
    [InlineData("[True, False]", "tensor([ True, False]", "(2)", "bool")]
    [InlineData("3.5", "tensor(3.5000", "()", "float32")]
    [InlineData("[-1.5, 2.25]", "tensor([-1.5000,  2.2500]", "(2)", "float32")]
    [InlineData("arange(12.).reshape(2, 2, 3)", "tensor([[[ 0.,  1.,  2.],\n         [ 3.,  4.,  5.]],\n\n        [[ 6.,  7.,  8.],\n         [ 9., 10., 11.]]]", "(2, 2, 3)", "float32")]
    [InlineData("arange(30.)", "tensor([ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., 11., 12., 13.,\n        14., 15., 16., 17., 18., 19., 20., 21., 22., 23., 24., 25., 26., 27.,\n        28., 29.]", "(30)", "float32")]
    [InlineData("[1., nan]", "tensor([1., nan]", "(2)", "float32")]
    [InlineData("arange(100., 1300.).reshape(600, 2)", "tensor([[ 100.,  101.],\n        [ 102.,  103.],\n        [ 104.,  105.],\n        ...,\n        [1294., 1295.],\n        [1296., 1297.],\n        [1298., 1299.]]", "(600, 2)", "float32")]
    [InlineData("arange(2000.).reshape(1000, 2)", "tensor([[0.0000e+00, 1.0000e+00],\n        [2.0000e+00, 3.0000e+00],\n        [4.0000e+00, 5.0000e+00],\n        ...,\n        [1.9940e+03, 1.9950e+03],\n        [1.9960e+03, 1.9970e+03],\n        [1.9980e+03, 1.9990e+03]]", "(1000, 2)", "float32")]
    public void PlainTextIsPyTorchsReprWithShapeAndDtype(string name, string pytorch, string shape, string dtype) =>
        Assert.Equal($"{pytorch}, shape={shape}, dtype=torch.{dtype})", TensorText.Plain(Tensors[name]()));

    [Fact]
    public void RequiresGradIsShown() =>
        Assert.EndsWith(", requires_grad=True)", TensorText.Plain(torch.ones(2, requires_grad: true)));

    [Fact]
    public void EmptyTensorShowsItsShape() =>
        Assert.Equal("tensor([], shape=(0, 3), dtype=torch.float32)", TensorText.Plain(torch.zeros(0, 3)));

    [Fact]
    public void SmallMatrixBecomesATableWithOneCellPerValue()
    {
        var html = TensorText.Html(torch.tensor(new float[] { 1, 2, 3, 4, 5, 6 }).reshape(2, 3));
        Assert.NotNull(html);
        Assert.Equal(2, html.Split("<tr>").Length - 1);
        Assert.Contains("<td>6.</td>", html);
        Assert.Contains("shape (2, 3) · torch.float32", html);
    }

    [Theory]
    [InlineData(new long[] { 2, 2, 2 })]
    [InlineData(new long[] { 30, 30 })]
    [InlineData(new long[] { 100 })]
    public void LargeOrHighDimensionalTensorsHaveNoTable(long[] shape) => Assert.Null(TensorText.Html(torch.zeros(shape)));
}
