using System.Text.RegularExpressions;

namespace Course.Notebooks.Packages;

/// <summary>An error NuGet logged during a restore: its code (<c>NU1101</c>, …), text and the package it is about.</summary>
public sealed partial record RestoreMessage(string Code, string Message, string? LibraryId)
{
    /// <summary>One line for the notebook: the request it concerns (package and version asked), NuGet's reason, the sources tried.</summary>
    /// <example><c>#r "nuget: Nope, 1.0.0": NU1101: Unable to find package Nope. No packages exist with this id in source(s): feed; sources tried: /home/me/feed</c></example>
    public static string Describe(IReadOnlyList<RestoreMessage> errors, IReadOnlyList<PackageRequest> requests, IReadOnlyList<string> sources)
    {
        var first = errors[0];
        var request = requests.FirstOrDefault(r => string.Equals(r.Id, first.LibraryId, StringComparison.OrdinalIgnoreCase));
        var asked = request?.Directive ?? AssetsFile.Describe(requests);
        var more = errors.Count > 1 ? $" (and {errors.Count - 1} more)" : "";
        var tried = sources.Count > 0
            ? $"sources tried: {string.Join(", ", sources)}"
            : "no sources configured: add one with #i \"nuget: https://api.nuget.org/v3/index.json\" or in ~/.nuget/NuGet/NuGet.Config";
        return $"{asked}: {first.Code}: {OneLine(first.Message)}{more}; {tried}";
    }

    /// <summary><paramref name="text"/> on one line: line breaks and the indentation after them become one space.</summary>
    public static string OneLine(string text) => LineBreaks().Replace(text.Trim(), " ");

    [GeneratedRegex(@"\s*[\r\n]+\s*")]
    private static partial Regex LineBreaks();
}
