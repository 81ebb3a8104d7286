using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Course.Notebooks.Kernel;

/// <summary>The ZeroMQ frames of a message: <c>identities… &lt;IDS|MSG&gt; signature header parent metadata content buffers…</c>.</summary>
public static class WireFormat
{
    /// <summary>The frame that separates routing identities from the message.</summary>
    public static readonly byte[] Delimiter = "<IDS|MSG>"u8.ToArray();

    /// <summary>The largest message (all frames together) the kernel reads: 16 MiB, far above any cell's code.</summary>
    /// <remarks>A larger message is dropped before its signature is checked or its JSON parsed.</remarks>
    public const int MaxMessageBytes = 16 << 20;

    private static readonly JsonSerializerOptions compact = new() { WriteIndented = false };

    /// <summary>The frames of <paramref name="message"/>, signed.</summary>
    public static List<byte[]> Serialize(JupyterMessage message, MessageSigner signer)
    {
        var header = Bytes(message.Header);
        var parent = Bytes(message.ParentHeader);
        var metadata = Bytes(message.Metadata);
        var content = Bytes(message.Content);
        var frames = new List<byte[]>(message.Identities);
        frames.Add(Delimiter);
        frames.Add(Encoding.ASCII.GetBytes(signer.Sign(header, parent, metadata, content)));
        frames.AddRange([header, parent, metadata, content]);
        return frames;
    }

    /// <summary>Parse and verify frames; returns null and the reason when the message must be dropped.</summary>
    public static JupyterMessage? Parse(IReadOnlyList<byte[]> frames, MessageSigner signer, out string? rejection)
    {
        var size = frames.Sum(f => (long)f.Length);
        if (size > MaxMessageBytes) { rejection = $"{size} bytes, over the {MaxMessageBytes}-byte limit"; return null; }
        var delimiter = -1;
        for (var i = 0; i < frames.Count; i++)
            if (frames[i].AsSpan().SequenceEqual(Delimiter)) { delimiter = i; break; }
        if (delimiter < 0) { rejection = "no <IDS|MSG> delimiter"; return null; }
        if (frames.Count < delimiter + 6) { rejection = $"{frames.Count - delimiter - 1} frames after the delimiter, 5 needed"; return null; }
        byte[] signature = frames[delimiter + 1], header = frames[delimiter + 2], parent = frames[delimiter + 3],
               metadata = frames[delimiter + 4], content = frames[delimiter + 5];
        rejection = signer.Check(signature, header, parent, metadata, content);
        if (rejection is not null) return null;
        try
        {
            var h = Object(header);
            if (h["msg_type"] is not JsonValue type || !type.TryGetValue<string>(out _)) { rejection = "header has no msg_type string"; return null; }
            return new JupyterMessage(frames.Take(delimiter).ToList(), h, Object(parent), Object(metadata), Object(content));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            rejection = "malformed JSON: " + e.Message;
            return null;
        }
    }

    private static byte[] Bytes(JsonObject json) => Encoding.UTF8.GetBytes(json.ToJsonString(compact));

    private static JsonObject Object(byte[] frame) =>
        frame.Length == 0 ? new JsonObject()
        : JsonNode.Parse(frame) as JsonObject ?? throw new InvalidOperationException("a frame is not a JSON object");
}
