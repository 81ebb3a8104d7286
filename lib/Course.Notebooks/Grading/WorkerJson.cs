using System.Text.Json;
using System.Text.Json.Serialization;

namespace Course.Notebooks.Grading;

/// <summary>How requests and replies are written: one JSON object per line, NaN and infinities allowed.</summary>
internal static class WorkerJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };
}
