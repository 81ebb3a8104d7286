using System.Text.Json;
using System.Text.Json.Nodes;

namespace Course.Notebooks.Kernel;

/// <summary>Typed reading of a request's content fields: a missing field takes its default, a mistyped one is a <see cref="BadRequestException"/>.</summary>
/// <remarks>A signed message can still be wrong (<c>"restart": "yes"</c>); the kernel answers it with an error and keeps serving.</remarks>
internal static class MessageContent
{
    /// <summary>The string field <paramref name="name"/>, or <paramref name="fallback"/> when absent or null.</summary>
    public static string String(JupyterMessage request, string name, string fallback = "") =>
        Read(request, name, fallback, JsonValueKind.String, "a string");

    /// <summary>The boolean field <paramref name="name"/>, or <paramref name="fallback"/> when absent or null.</summary>
    public static bool Bool(JupyterMessage request, string name, bool fallback) =>
        request.Content[name] is { } node && node.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? node.GetValue<bool>()
        : Read(request, name, fallback, JsonValueKind.True, "true or false");

    /// <summary>The integer field <paramref name="name"/>, or <paramref name="fallback"/> when absent or null.</summary>
    public static int Int(JupyterMessage request, string name, int fallback) =>
        request.Content[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number) ? number
        : Read(request, name, fallback, JsonValueKind.Undefined, "an integer");

    private static T Read<T>(JupyterMessage request, string name, T fallback, JsonValueKind kind, string expected)
    {
        var node = request.Content[name];
        if (node is null) return fallback;
        if (kind != JsonValueKind.Undefined && node.GetValueKind() == kind) return node.GetValue<T>();
        throw new BadRequestException($"{request.MessageType}: \"{name}\" must be {expected}, not {Describe(node)} (Jupyter messaging protocol 5.3).");
    }

    private static string Describe(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.String => $"the string {node.ToJsonString()}",
        JsonValueKind.Number => $"the number {node.ToJsonString()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {node.ToJsonString()}",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };
}
