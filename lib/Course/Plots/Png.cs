using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Course.Plots;

/// <summary>A minimal PNG writer for 8-bit grayscale images: signature, IHDR, one zlib IDAT, IEND.</summary>
/// <remarks>
/// Behind <see cref="ImageGrid"/> (digits in notebook 00-setup, reconstructions in 07-autoencoder);
/// the format is the PNG specification's (ISO/IEC 15948) simplest case: colour type 0, no interlace, filter 0.
/// </remarks>
public static class Png
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly uint[] CrcTable = MakeCrcTable();

    /// <summary>Encode <paramref name="pixels"/> (row-major, one byte per pixel, 0 = black) as a PNG file.</summary>
    /// <param name="pixels">width × height gray values, row after row.</param>
    /// <param name="width">Pixels per row.</param>
    /// <param name="height">Number of rows.</param>
    /// <exception cref="ArgumentException">The size is not positive or does not match the number of pixels.</exception>
    public static byte[] EncodeGray(ReadOnlySpan<byte> pixels, int width, int height)
    {
        if (width < 1 || height < 1)
            throw new ArgumentException($"A PNG needs a positive size; got {width}×{height}.", nameof(width));
        if ((long)width * height != pixels.Length)
            throw new ArgumentException($"{width}×{height} pixels expected but {pixels.Length} given.", nameof(pixels));

        var output = new MemoryStream();
        output.Write(Signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8;   // bit depth
        header[9] = 0;   // colour type 0: grayscale
        header[10] = 0;  // compression: deflate
        header[11] = 0;  // filter method 0
        header[12] = 0;  // no interlace
        WriteChunk(output, "IHDR", header);

        var scanlines = new byte[height * (width + 1)];       // each row: filter byte 0 (None), then the row
        for (int row = 0; row < height; row++)
            pixels.Slice(row * width, width).CopyTo(scanlines.AsSpan(row * (width + 1) + 1));
        var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(scanlines);
        WriteChunk(output, "IDAT", compressed.GetBuffer().AsSpan(0, (int)compressed.Length));

        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>The CRC-32 (ISO 3309, polynomial 0xEDB88320) that PNG stores after each chunk's type and data.</summary>
    internal static uint Crc32(ReadOnlySpan<byte> data, uint crc = 0)
    {
        crc = ~crc;
        foreach (byte b in data) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return ~crc;
    }

    private static void WriteChunk(Stream output, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32(data, Crc32(typeBytes)));
        output.Write(word);
    }

    private static uint[] MakeCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
