using System.Text.Json.Serialization;
using Course.Grading;

namespace Course.Notebooks.Grading;

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
