using System.Text.RegularExpressions;

namespace Course.Notebooks.Execution;

/// <summary>Splits a cell into its directives and the C# code left for Roslyn.</summary>
/// <remarks>Directive lines are blanked, not removed, so compiler line numbers still match the cell.</remarks>
public static partial class DirectiveParser
{
    private static readonly HashSet<string> csharpKernels = new(StringComparer.OrdinalIgnoreCase) { "csharp", "c#", "cs" };

    /// <summary>The directives of <paramref name="source"/> and the remaining code.</summary>
    public static (IReadOnlyList<Directive> Directives, string Code) Parse(string source)
    {
        var lines = source.Replace("\r\n", "\n").Split('\n');
        var directives = new List<Directive>();
        for (var i = 0; i < lines.Length; i++)
        {
            var directive = ParseLine(lines[i].Trim(), i + 1);
            if (directive is null) continue;
            if (directive is not KernelSwitch) directives.Add(directive);
            lines[i] = "";
        }
        return (directives, string.Join('\n', lines));
    }

    private static Directive? ParseLine(string line, int number)
    {
        if (line.StartsWith("#r ", StringComparison.Ordinal) || line.StartsWith("#i ", StringComparison.Ordinal))
        {
            var match = QuotedArgument().Match(line);
            if (!match.Success)
                return new UnsupportedDirective(number, $"{line}: write the argument in quotes, e.g. #r \"nuget: Course\" or #r \"lib/My.dll\".");
            var argument = match.Groups[1].Value.Trim();
            var isNuGet = argument.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase);
            var value = isNuGet ? argument["nuget:".Length..].Trim() : argument;
            if (line[1] == 'i') return new PackageSource(number, value);
            if (!isNuGet) return new FileReference(number, value);
            // Only the first comma separates: a range has its own ("[1.0, 2.0)").
            var parts = value.Split(',', 2, StringSplitOptions.TrimEntries);
            return parts[0].Length == 0
                ? new UnsupportedDirective(number, $"{line}: name a package, e.g. #r \"nuget: Course\".")
                : new NuGetReference(number, parts[0], parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null);
        }
        if (!line.StartsWith("#!", StringComparison.Ordinal)) return null;

        var words = line[2..].Split(' ', 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var name = words.Length > 0 ? words[0] : "";
        var rest = words.Length > 1 ? words[1].Trim('"') : "";
        return name.ToLowerInvariant() switch
        {
            _ when csharpKernels.Contains(name) => new KernelSwitch(number),
            "import" when rest.Length > 0 => new ImportFile(number, rest),
            "import" => new UnsupportedDirective(number, "#!import needs a file, e.g. #!import helpers.csx"),
            "time" => new TimeCell(number),
            _ => new UnsupportedDirective(number, $"#!{name}: unknown magic command; the engine understands #!csharp, #!html, #!markdown, #!javascript, #!import FILE and #!time."),
        };
    }

    /// <summary><c>#!csharp</c>: already the language of the cell; consumed silently.</summary>
    private sealed record KernelSwitch(int Line) : Directive(Line);

    [GeneratedRegex("^#[ri]\\s+\"([^\"]*)\"\\s*$")]
    private static partial Regex QuotedArgument();
}
