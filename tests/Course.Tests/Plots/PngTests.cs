using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Course.Plots;
using Xunit;

namespace Course.Tests.Plots;

/// <summary>The PNG writer, checked by an independent reader: signature, IHDR, chunk CRCs, inflated pixels.</summary>
public sealed class PngTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 2)]
    [InlineData(28, 28)]
    [InlineData(300, 7)]
    public void EncodedImageDecodesToTheSamePixels(int width, int height)
    {
        var pixels = Enumerable.Range(0, width * height).Select(i => (byte)(i * 37 % 256)).ToArray();

        var decoded = PngReader.Read(Png.EncodeGray(pixels, width, height));

        Assert.Equal((width, height, 8, 0, 0), (decoded.Width, decoded.Height, decoded.BitDepth, decoded.ColorType, decoded.Interlace));
        Assert.Equal(pixels, decoded.Pixels);
    }

    [Fact]
    public void ChunksAreIhdrIdatIendInOrder() =>
        Assert.Equal(new[] { "IHDR", "IDAT", "IEND" }, PngReader.Read(Png.EncodeGray(new byte[6], 3, 2)).ChunkTypes);

    [Theory]
    [InlineData("123456789", 0xCBF43926u)]                                                      // the CRC-32 check value
    [InlineData("", 0x00000000u)]
    [InlineData("IEND", 0xAE426082u)]                                                           // every PNG's last 4 bytes
    public void Crc32MatchesKnownValues(string text, uint expected) =>
        Assert.Equal(expected, PngReader.BitwiseCrc32(Encoding.ASCII.GetBytes(text)));

    [Fact]
    public void SizeThatDoesNotMatchThePixelsThrows()
    {
        var ex = Assert.Throws<ArgumentException>(() => Png.EncodeGray(new byte[5], 3, 2));
        Assert.Contains("3×2", ex.Message);
    }
}

/// <summary>A test-only PNG reader for 8-bit grayscale: checks every chunk's CRC with a bit-by-bit CRC-32.</summary>
internal static class PngReader
{
    public sealed record Image(int Width, int Height, int BitDepth, int ColorType, int Interlace, byte[] Pixels, string[] ChunkTypes);

    public static Image Read(byte[] png)
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        var types = new List<string>();
        var idat = new MemoryStream();
        int width = 0, height = 0, bitDepth = 0, colorType = 0, interlace = 0;
        for (int at = 8; at < png.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var typeAndData = png.AsSpan(at + 4, 4 + length);
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length));
            var type = Encoding.ASCII.GetString(typeAndData[..4]);
            Assert.True(BitwiseCrc32(typeAndData) == crc, $"bad CRC in chunk {type}");
            var data = typeAndData[4..];
            types.Add(type);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                (bitDepth, colorType, interlace) = (data[8], data[9], data[12]);
            }
            if (type == "IDAT") idat.Write(data);
            at += 12 + length;
        }
        idat.Position = 0;
        using var inflater = new ZLibStream(idat, CompressionMode.Decompress);
        var raw = new MemoryStream();
        inflater.CopyTo(raw);
        var scanlines = raw.ToArray();
        Assert.Equal(height * (width + 1), scanlines.Length);
        var pixels = new byte[width * height];
        for (int row = 0; row < height; row++)
        {
            Assert.Equal(0, scanlines[row * (width + 1)]);                                      // filter type None
            Array.Copy(scanlines, row * (width + 1) + 1, pixels, row * width, width);
        }
        return new Image(width, height, bitDepth, colorType, interlace, pixels, types.ToArray());
    }

    /// <summary>CRC-32 the slow way: one bit at a time, no table.</summary>
    public static uint BitwiseCrc32(ReadOnlySpan<byte> bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xEDB88320u & (uint)-(int)(crc & 1));
        }
        return ~crc;
    }
}
