using System.Globalization;
using System.Text.Json.Nodes;

namespace Course.Notebooks.Kernel;

/// <summary>One Jupyter message: routing identities, header, parent header, metadata, content.</summary>
/// <remarks>Messaging protocol 5.3, "General Message Format".</remarks>
public sealed record JupyterMessage(
    IReadOnlyList<byte[]> Identities, JsonObject Header, JsonObject ParentHeader, JsonObject Metadata, JsonObject Content)
{
    /// <summary>The protocol version this kernel speaks.</summary>
    public const string ProtocolVersion = "5.3";

    /// <summary>The header's <c>msg_type</c>, e.g. <c>execute_request</c>.</summary>
    public string MessageType => Header["msg_type"] is JsonValue v && v.TryGetValue<string>(out var type) ? type : "";

    /// <summary>The header's <c>msg_id</c>.</summary>
    public string MessageId => Header["msg_id"] is JsonValue v && v.TryGetValue<string>(out var id) ? id : "";

    /// <summary>A new message of <paramref name="messageType"/> answering <paramref name="parent"/> (or none).</summary>
    public static JupyterMessage Create(string session, string messageType, JsonObject content, JupyterMessage? parent = null, JsonObject? metadata = null) =>
        new(parent?.Identities ?? [], NewHeader(session, messageType),
            parent is null ? new JsonObject() : (JsonObject)parent.Header.DeepClone(),
            metadata ?? new JsonObject(), content);

    /// <summary>A header with a fresh id and the current UTC time.</summary>
    public static JsonObject NewHeader(string session, string messageType) => new()
    {
        ["msg_id"] = Guid.NewGuid().ToString("N"),
        ["session"] = session,
        ["username"] = "kernel",
        ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        ["msg_type"] = messageType,
        ["version"] = ProtocolVersion,
    };
}
