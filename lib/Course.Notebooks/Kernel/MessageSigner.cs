using System.Security.Cryptography;
using System.Text;

namespace Course.Notebooks.Kernel;

/// <summary>Signs and checks Jupyter messages with HMAC-SHA256 over the connection file's key.</summary>
/// <remarks>
/// The signature is the lower-case hex HMAC of the four frames header, parent_header, metadata, content
/// (messaging protocol 5.3, "The Wire Protocol"). Checking is constant-time, and a signature already seen
/// is refused, as jupyter_client's Session does, so a captured message cannot be replayed.
/// </remarks>
public sealed class MessageSigner
{
    private const int MaxRemembered = 1 << 16;
    private readonly byte[] key;
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);
    private readonly Queue<string> seenOrder = new();

    /// <summary>A signer for <paramref name="key"/> (the connection file's <c>key</c>, used as UTF-8 bytes).</summary>
    public MessageSigner(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        this.key = Encoding.UTF8.GetBytes(key);
    }

    /// <summary>The hex signature of the four frames.</summary>
    public string Sign(byte[] header, byte[] parentHeader, byte[] metadata, byte[] content)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(header);
        hmac.AppendData(parentHeader);
        hmac.AppendData(metadata);
        hmac.AppendData(content);
        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    /// <summary>Null when <paramref name="signature"/> is right and new; otherwise why the message must be dropped.</summary>
    public string? Check(byte[] signature, byte[] header, byte[] parentHeader, byte[] metadata, byte[] content)
    {
        if (signature.Length == 0) return "unsigned message";
        var expected = Encoding.ASCII.GetBytes(Sign(header, parentHeader, metadata, content));
        var given = Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(signature).ToLowerInvariant());
        if (!CryptographicOperations.FixedTimeEquals(expected, given)) return "bad signature";
        var text = Encoding.ASCII.GetString(given);
        lock (seen)
        {
            if (!seen.Add(text)) return "replayed signature";
            seenOrder.Enqueue(text);
            if (seenOrder.Count > MaxRemembered) seen.Remove(seenOrder.Dequeue());
        }
        return null;
    }
}
