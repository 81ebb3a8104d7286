using Course.Data;
using Course.Native;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Data;

/// <summary>The tensors <see cref="Mnist"/> makes: shapes, types, values, lifetime and the split.</summary>
public sealed class MnistTensorTests
{
    private static readonly Lazy<MnistData> bundled = new(() => Mnist.Load(MnistBytesTests.BundledFolder));
    private static readonly Lazy<(byte[] Pixels, byte[] Labels)> bytes = new(() => Mnist.ReadBytes(MnistBytesTests.BundledFolder));

    public MnistTensorTests() => TorchNative.EnsureLoaded();

    [Fact]
    public void LoadGivesFloatImagesOfShapeN1x28x28AndInt64Labels()
    {
        var data = bundled.Value;

        Assert.Equal([10_000L, 1, 28, 28], data.Images.shape);
        Assert.Equal(ScalarType.Float32, data.Images.dtype);
        Assert.Equal([10_000L], data.Labels.shape);
        Assert.Equal(ScalarType.Int64, data.Labels.dtype);
        Assert.Equal(10_000, data.Count);
    }

    [Fact]
    public void PixelsAreTheFileBytesDividedBy255()
    {
        var data = bundled.Value;
        var expected = bytes.Value.Pixels.Select(b => b / 255f).ToArray();

        Assert.Equal(0f, data.Images.min().item<float>());
        Assert.Equal(1f, data.Images.max().item<float>());
        Assert.Equal(expected, data.Images.data<float>().ToArray());
    }

    [Fact]
    public void LabelsAreTheFileBytes()
    {
        var expected = bytes.Value.Labels.Select(b => (long)b).ToArray();

        Assert.Equal(expected, bundled.Value.Labels.data<long>().ToArray());
    }

    [Fact]
    public void FlatIsAnN784ViewOfTheSamePixels()
    {
        var data = bundled.Value;

        Assert.Equal([10_000L, 784], data.Flat.shape);
        Assert.Equal(data.Images[17, 0, 5, 9].item<float>(), data.Flat[17, 5 * 28 + 9].item<float>());
    }

    [Fact]
    public void FlatSharesStorageWithImages()
    {
        var data = new MnistData(zeros(2, 1, 28, 28), zeros(2, dtype: ScalarType.Int64));

        data.Images[1, 0, 2, 3] = tensor(0.5f);

        Assert.Equal(0.5f, data.Flat[1, 2 * 28 + 3].item<float>());
    }

    [Fact]
    public void LoadedAndSplitTensorsSurviveTheCallersDisposeScope()
    {
        MnistData data, train, test;
        using (var scope = NewDisposeScope())
        {
            data = Mnist.Load(MnistBytesTests.BundledFolder);
            (train, test) = data.Split(trainCount: 100, testCount: 50);
        }

        foreach (var t in new[] { data.Images, data.Labels, data.Flat, train.Images, train.Labels, train.Flat, test.Images, test.Labels, test.Flat })
            Assert.False(t.IsInvalid);
        Assert.Equal(100, train.Flat.sum(dim: 1).shape[0]);
    }

    [Fact]
    public void SplitGives8000And2000WithEveryClassInProportion()
    {
        var (train, test) = bundled.Value.Split();
        var all = bytes.Value.Labels;

        Assert.Equal(8000, train.Count);
        Assert.Equal(2000, test.Count);
        for (int digit = 0; digit <= 9; digit++)
        {
            double share = all.Count(l => l == digit) / (double)all.Length;
            Assert.InRange(train.Labels.eq(digit).sum().item<long>(), 8000 * share - 1, 8000 * share + 1);
            Assert.InRange(test.Labels.eq(digit).sum().item<long>(), 2000 * share - 1, 2000 * share + 1);
        }
    }

    [Fact]
    public void SplitRowsAreTheRowsAtTheSplitIndices()
    {
        var data = bundled.Value;
        var (trainIndices, testIndices) = StratifiedSplit.Indices(bytes.Value.Labels.Select(b => (int)b).ToArray(), 8000, 2000, seed: 5);

        var (train, test) = data.Split(seed: 5);

        Assert.True(Same(train.Images[42], data.Images[trainIndices[42]]));
        Assert.True(Same(test.Images[1999], data.Images[testIndices[1999]]));
        Assert.Equal(testIndices.Select(i => (long)bytes.Value.Labels[i]), test.Labels.data<long>().ToArray());
    }

    [Fact]
    public void SplitIsTheSameForTheSameSeedWhateverTorchsRandomState()
    {
        var data = bundled.Value;

        random.manual_seed(1);
        var (_, first) = data.Split(seed: 3, trainCount: 500, testCount: 500);
        random.manual_seed(2);
        using var noise = rand(100);
        var (_, second) = data.Split(seed: 3, trainCount: 500, testCount: 500);

        Assert.True(Same(first.Images, second.Images));
        Assert.True(Same(first.Labels, second.Labels));
    }

    [Fact]
    public void TheStaticSplitLoadsAndSplitsInOneCall()
    {
        var (train, test) = Mnist.Split(seed: 0, trainCount: 80, testCount: 20, directory: MnistBytesTests.BundledFolder);
        var (train2, test2) = bundled.Value.Split(seed: 0, trainCount: 80, testCount: 20);

        Assert.True(Same(train.Labels, train2.Labels));
        Assert.True(Same(test.Images, test2.Images));
    }

    [Fact]
    public void ToStringSummarisesTheShapes() =>
        Assert.Equal("MnistData: 10,000 digits, Images (10000, 1, 28, 28) Float32, Labels (10000) Int64", bundled.Value.ToString());

    [Fact]
    public void TheConstructorRejectsFlatImages()
    {
        using var images = zeros(3, 784);
        using var labels = zeros(3, dtype: ScalarType.Int64);

        var error = Assert.Throws<ArgumentException>(() => new MnistData(images, labels));

        Assert.Contains("(N, 1, 28, 28) float32; got (3, 784) Float32", error.Message);
    }

    /// <summary>Same shape and every element equal (TorchSharp's <c>Tensor.equal</c> is elementwise).</summary>
    private static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();
}
