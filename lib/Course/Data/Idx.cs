using System.Buffers.Binary;
using System.IO.Compression;

namespace Course.Data;

/// <summary>Read IDX files, the format MNIST ships in: a magic number, big-endian sizes, then raw bytes.</summary>
/// <remarks>
/// Layout: bytes 0–1 are zero, byte 2 is the element type (0x08 = unsigned byte), byte 3 the number of
/// dimensions; then one big-endian int32 per dimension; then the data, row-major. MNIST images are
/// magic 0x00000803 with sizes (N, 28, 28), labels 0x00000801 with (N). Files may be gzip-compressed.
/// Used by <see cref="Mnist.Load"/> (notebooks 00-setup, 04-cnn-mnist, 07-autoencoder and later).
/// Pure bytes, no tensors: it works before TorchSharp is loaded.
/// </remarks>
public static class Idx
{
    /// <summary>The IDX element-type code for unsigned bytes, the only type MNIST uses.</summary>
    /// <remarks>The third byte of the magic number, as in 0x00000803 (notebooks 00-setup, 04-cnn-mnist).</remarks>
    public const byte UnsignedByte = 0x08;

    /// <summary>Read the IDX file at <paramref name="path"/> (gzip or plain) into its sizes and bytes.</summary>
    /// <remarks>Used by <see cref="Mnist.Load"/> (notebooks 00-setup, 04-cnn-mnist, 07-autoencoder).</remarks>
    /// <exception cref="DatasetException">The file is missing, unreadable, not IDX, or truncated.</exception>
    public static (int[] Dims, byte[] Data) Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DatasetException($"{path} does not exist; {Fix(path)}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DatasetException($"{path} cannot be read ({e.Message}); check its permissions or {Fix(path)}", e);
        }
        return Parse(bytes, path);
    }

    /// <summary>Parse the bytes of an IDX file (gzip or plain); <paramref name="path"/> only names it in errors.</summary>
    /// <remarks>The testable core of <see cref="Read"/> (notebooks 00-setup, 04-cnn-mnist).</remarks>
    /// <exception cref="DatasetException">The bytes are not IDX unsigned-byte data or do not match their sizes.</exception>
    public static (int[] Dims, byte[] Data) Parse(byte[] bytes, string path)
    {
        if (IsGzip(bytes))
            bytes = Gunzip(bytes, path);

        if (bytes.Length < 4)
            throw new DatasetException($"{path} is too short to be an IDX file ({bytes.Length} bytes); {Fix(path)}");

        uint magic = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        if (bytes[0] != 0 || bytes[1] != 0 || bytes[3] == 0)
            throw new DatasetException($"{path} is not an IDX file (magic 0x{magic:X8}); expected MNIST IDX data such as 0x00000803 — {Fix(path)}");
        if (bytes[2] != UnsignedByte)
            throw new DatasetException($"{path} holds IDX element type 0x{bytes[2]:X2} (magic 0x{magic:X8}); only unsigned bytes (0x08) are supported, as in MNIST — {Fix(path)}");

        int rank = bytes[3];
        int headerLength = 4 + 4 * rank;
        if (bytes.Length < headerLength)
            throw new DatasetException($"{path} is truncated inside its header ({bytes.Length} bytes, {rank} sizes need {headerLength}); {Fix(path)}");

        var dims = new int[rank];
        long expected = 1;
        for (int i = 0; i < rank; i++)
        {
            dims[i] = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 + 4 * i));
            if (dims[i] < 0)
                throw new DatasetException($"{path} has a negative size ({dims[i]}) in its header; {Fix(path)}");
            expected *= dims[i];
            if (expected > Array.MaxLength)
                throw new DatasetException($"{path} claims sizes ({string.Join(", ", dims[..(i + 1)])}…), too large to load; {Fix(path)}");
        }

        long actual = bytes.Length - headerLength;
        if (actual < expected)
            throw new DatasetException($"{path} is truncated: sizes ({string.Join(", ", dims)}) need {expected:N0} data bytes but it holds {actual:N0}; {Fix(path)}");
        if (actual > expected)
            throw new DatasetException($"{path} holds {actual:N0} data bytes but its sizes ({string.Join(", ", dims)}) need only {expected:N0}; {Fix(path)}");

        return (dims, bytes[headerLength..]);
    }

    /// <summary>True when <paramref name="bytes"/> start with the gzip magic 0x1f 0x8b.</summary>
    /// <remarks>An IDX file always starts with 0x00, so the two never clash (notebooks 00-setup, 04-cnn-mnist).</remarks>
    public static bool IsGzip(ReadOnlySpan<byte> bytes) => bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;

    private static byte[] Gunzip(byte[] compressed, string path)
    {
        try
        {
            using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            gzip.CopyTo(plain);
            return plain.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new DatasetException($"{path} is a damaged gzip file ({e.Message}); {Fix(path)}", e);
        }
    }

    private static string Fix(string path) =>
        $"re-download it, or if it came with the course restore it from git (git checkout -- {path})";
}
