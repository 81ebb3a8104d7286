using System.IO.Compression;
using Course.Data;
using Xunit;

namespace Course.Tests.Data;

/// <summary>IDX parsing on hand-made bytes and temp files; no TorchSharp needed.</summary>
public sealed class IdxTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("course-idx-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>An IDX file written out by hand: magic, big-endian sizes, then the data.</summary>
    internal static byte[] IdxBytes(byte type, int[] dims, byte[] data)
    {
        var header = new List<byte> { 0, 0, type, (byte)dims.Length };
        foreach (int d in dims)
            header.AddRange([(byte)(d >> 24), (byte)(d >> 16), (byte)(d >> 8), (byte)d]);
        return [.. header, .. data];
    }

    internal static byte[] Gzip(byte[] plain)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
            gzip.Write(plain);
        return output.ToArray();
    }

    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static readonly byte[] SixBytes = [0, 1, 2, 253, 254, 255];

    [Fact]
    public void ReadReturnsTheSizesAndTheBytesInFileOrder()
    {
        var (dims, data) = Idx.Read(Write("x.idx", IdxBytes(0x08, [2, 3], SixBytes)));

        Assert.Equal([2, 3], dims);
        Assert.Equal(SixBytes, data);
    }

    [Fact]
    public void GzipAndPlainFilesGiveTheSameData()
    {
        var plain = IdxBytes(0x08, [3, 2], SixBytes);

        var fromPlain = Idx.Read(Write("plain", plain));
        var fromGzip = Idx.Read(Write("packed.gz", Gzip(plain)));

        Assert.Equal(fromPlain.Dims, fromGzip.Dims);
        Assert.Equal(fromPlain.Data, fromGzip.Data);
    }

    [Fact]
    public void GzipIsDetectedByItsMagicNotByTheFileName()
    {
        var (dims, data) = Idx.Read(Write("no-extension", Gzip(IdxBytes(0x08, [6], SixBytes))));

        Assert.Equal([6], dims);
        Assert.Equal(SixBytes, data);
    }

    [Fact]
    public void TheBundledLabelsFileReadsAsTenThousandLabels()
    {
        var (dims, data) = Idx.Read(Path.Combine(MnistBytesTests.BundledFolder, "digits-labels-idx1-ubyte.gz"));

        Assert.Equal([10_000], dims);
        Assert.Equal(10_000, data.Length);
    }

    [Theory]
    [InlineData(new byte[] { 0x12, 0x34, 0x08, 0x01, 0, 0, 0, 0 }, "is not an IDX file (magic 0x12340801)")]
    [InlineData(new byte[] { 0x00, 0x00, 0x08, 0x00 }, "is not an IDX file (magic 0x00000800)")]
    [InlineData(new byte[] { 0x00, 0x00, 0x0D, 0x01, 0, 0, 0, 0 }, "element type 0x0D")]
    [InlineData(new byte[] { 0x00, 0x00, 0x08 }, "too short to be an IDX file")]
    [InlineData(new byte[] { 0x00, 0x00, 0x08, 0x03, 0, 0, 0, 1, 0, 0 }, "truncated inside its header")]
    [InlineData(new byte[] { 0x00, 0x00, 0x08, 0x01, 0, 0, 0, 4, 7, 7 }, "is truncated: sizes (4) need 4 data bytes but it holds 2")]
    [InlineData(new byte[] { 0x00, 0x00, 0x08, 0x01, 0, 0, 0, 1, 7, 7 }, "holds 2 data bytes but its sizes (1) need only 1")]
    [InlineData(new byte[] { 0x00, 0x00, 0x08, 0x01, 0xFF, 0xFF, 0xFF, 0xFF }, "negative size")]
    public void DamagedFilesThrowOneLineNamingThePathAndTheProblem(byte[] bytes, string problem)
    {
        string path = Write("bad-idx3-ubyte", bytes);

        var error = Assert.Throws<DatasetException>(() => Idx.Read(path));

        Assert.StartsWith(path + " ", error.Message);
        Assert.Contains(problem, error.Message);
        Assert.Contains("re-download", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void ATruncatedGzipFileThrowsNamingThePath()
    {
        var packed = Gzip(IdxBytes(0x08, [100, 28, 28], new byte[78_400].Select((_, i) => (byte)(i * 7)).ToArray()));
        string path = Write("cut.gz", packed[..(packed.Length / 2)]);

        var error = Assert.Throws<DatasetException>(() => Idx.Read(path));

        Assert.StartsWith(path + " ", error.Message);
    }

    [Fact]
    public void AGzipHeaderFollowedByGarbageThrowsNamingThePath()
    {
        string path = Write("garbage.gz", [0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);

        var error = Assert.Throws<DatasetException>(() => Idx.Read(path));

        Assert.StartsWith(path + " ", error.Message);
    }

    [Fact]
    public void AMissingFileThrowsNamingThePath()
    {
        string path = Path.Combine(folder, "nowhere", "train-images-idx3-ubyte.gz");

        var error = Assert.Throws<DatasetException>(() => Idx.Read(path));

        Assert.Equal($"{path} does not exist; re-download it, or if it came with the course restore it from git (git checkout -- {path})", error.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0x1f, 0x8b }, true)]
    [InlineData(new byte[] { 0x1f, 0x8b, 0x08 }, true)]
    [InlineData(new byte[] { 0x00, 0x00, 0x08, 0x03 }, false)]
    [InlineData(new byte[] { 0x1f }, false)]
    [InlineData(new byte[] { }, false)]
    public void IsGzipLooksAtTheFirstTwoBytes(byte[] bytes, bool expected) => Assert.Equal(expected, Idx.IsGzip(bytes));
}
