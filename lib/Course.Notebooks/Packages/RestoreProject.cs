using System.Text;
using System.Xml.Linq;

namespace Course.Notebooks.Packages;

/// <summary>The small project <c>dotnet restore</c> runs on: one <c>PackageReference</c> per request, the notebook's extra sources.</summary>
/// <remarks>
/// As .NET Interactive does it: the SDK's own restore resolves the graph (dependencies, ranges, floating versions,
/// the user's NuGet.Config sources and credentials) and writes <c>obj/project.assets.json</c>, which
/// <see cref="AssetsFile"/> reads. A single <c>RuntimeIdentifier</c> (not <c>RuntimeIdentifiers</c>, which downloads
/// runtime packs) adds the runtime-specific target without making the project self-contained.
/// </remarks>
public static class RestoreProject
{
    /// <summary>The target framework of the running engine, e.g. <c>net10.0</c>.</summary>
    public static string TargetFramework => $"net{Environment.Version.Major}.{Environment.Version.Minor}";

    /// <summary>The runtime the engine runs on, e.g. <c>linux-x64</c> (portable, as NuGet's runtime graph names it).</summary>
    public static string RuntimeIdentifier => System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;

    /// <summary>The project file's XML for <paramref name="requests"/> (already checked by <see cref="PackageRequest.Problem"/>) and <paramref name="sources"/>.</summary>
    public static string Create(IEnumerable<PackageRequest> requests, IEnumerable<string> sources)
    {
        var properties = new XElement("PropertyGroup",
            new XElement("TargetFramework", TargetFramework),
            new XElement("RuntimeIdentifier", RuntimeIdentifier),
            new XElement("SelfContained", "false"),
            new XElement("UseAppHost", "false"),
            new XElement("ImplicitUsings", "disable"),
            new XElement("NuGetAudit", "false"),   // an audit asks the sources for vulnerability data: more network, no assets
            new XElement("RestoreAdditionalProjectSources", string.Join(';', sources.Select(Escape))));
        var references = new XElement("ItemGroup",
            requests.Select(r => new XElement("PackageReference", new XAttribute("Include", r.Id), new XAttribute("Version", r.VersionOrLatest))));
        return new XDocument(new XElement("Project", new XAttribute("Sdk", "Microsoft.NET.Sdk"), properties, references)).ToString();
    }

    /// <summary>MSBuild-escape <paramref name="value"/> so it stays literal text: no <c>$(…)</c> property functions, no <c>@(…)</c>, no list splitting.</summary>
    public static string Escape(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
            text.Append(c is '%' or '$' or '@' or '\'' or ';' or '?' or '*' ? $"%{(int)c:X2}" : c.ToString());
        return text.ToString();
    }
}
