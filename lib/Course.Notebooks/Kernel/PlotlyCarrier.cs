using Course.Notebooks.Document;

namespace Course.Notebooks.Kernel;

/// <summary>Remembers which output of a session carries plotly.js: the first chart, and every update of it.</summary>
/// <remarks>An update of that chart keeps the script, so a saved notebook still carries plotly.js.</remarks>
internal sealed class PlotlyCarrier
{
    private string? displayId; // "" when the carrier is a result, which cannot be updated

    /// <summary><paramref name="data"/>, with plotly.js in front of its HTML when it is the carrier.</summary>
    public IReadOnlyDictionary<string, string> Carry(IReadOnlyDictionary<string, string> data, string? outputDisplayId)
    {
        var isCarrier = displayId is null || (outputDisplayId is not null && outputDisplayId == displayId);
        if (!isCarrier || !PlotlyCharts.IsChart(data) || !data.TryGetValue(MimeTypes.Html, out var chart)) return data;
        displayId ??= outputDisplayId ?? "";
        return new Dictionary<string, string>(data) { [MimeTypes.Html] = PlotlyLoader.Html + chart };
    }
}
