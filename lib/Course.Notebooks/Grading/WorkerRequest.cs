using System.Text.Json.Serialization;

namespace Course.Notebooks.Grading;

/// <summary>A cell for the grade worker to run.</summary>
/// <param name="Nonce">Fresh for every request; the reply must carry it back.</param>
/// <param name="Code">The cell's C#.</param>
/// <param name="Grade">True for a (rewritten) grade cell: collect what its checks report.</param>
public sealed record WorkerRequest(
    [property: JsonPropertyName("nonce")] string Nonce,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("grade")] bool Grade);
