using System.Text.Json;
using System.Text.Json.Serialization;
using Course.Grading;

namespace Course.Notebooks.Grading;

/// <summary>A cell for the grade worker to run.</summary>
/// <param name="Nonce">Fresh for every request; the reply must carry it back.</param>
/// <param name="Code">The cell's C#.</param>
/// <param name="Grade">True for a (rewritten) grade cell: collect what its checks report.</param>
public sealed record WorkerRequest(
    [property: JsonPropertyName("nonce")] string Nonce,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("grade")] bool Grade);

/// <summary>The grade worker's answer to one request.</summary>
/// <param name="Nonce">The request's nonce.</param>
/// <param name="Status"><c>ok</c>, or <c>error</c> when the cell threw or did not compile.</param>
/// <param name="Message">The error, as "ExceptionType: message".</param>
/// <param name="Records">What the grade cell's checks reported, in the order they ran.</param>
public sealed record WorkerReply(
    [property: JsonPropertyName("nonce")] string Nonce,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("records")] IReadOnlyList<ProbeRecord> Records);

/// <summary>How requests and replies are written: one JSON object per line, NaN and infinities allowed.</summary>
internal static class WorkerJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };
}
