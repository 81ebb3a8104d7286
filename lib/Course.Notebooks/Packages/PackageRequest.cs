using NuGet.Packaging;
using NuGet.Versioning;

namespace Course.Notebooks.Packages;

/// <summary>A package a notebook asks for with <c>#r "nuget: Id[, Version]"</c>.</summary>
/// <param name="Id">The package id, as written.</param>
/// <param name="Version">A version, range or floating version as NuGet reads it (<c>1.2.0</c>, <c>[1.0, 2.0)</c>, <c>1.*</c>, <c>*-*</c>); null: the latest stable.</param>
public sealed record PackageRequest(string Id, string? Version)
{
    /// <summary>The directive as the notebook wrote it, for messages.</summary>
    public string Directive => Version is null ? $"#r \"nuget: {Id}\"" : $"#r \"nuget: {Id}, {Version}\"";

    /// <summary>What the generated project asks NuGet for: the version as written, or <c>*</c> (latest stable).</summary>
    public string VersionOrLatest => Version ?? "*";

    /// <summary>"Id Version" or "Id (latest)", for progress lines.</summary>
    public override string ToString() => Version is null ? $"{Id} (latest)" : $"{Id} {Version}";

    /// <summary>Null when NuGet would accept the id and version, else a one-line message naming what is wrong.</summary>
    /// <remarks>
    /// Both end up in a generated MSBuild project, so nothing NuGet would refuse gets that far: an id is letters, digits,
    /// <c>.</c>, <c>-</c> and <c>_</c>; a version parses as a NuGet version range (floating allowed).
    /// </remarks>
    public string? Problem()
    {
        if (!PackageIdValidator.IsValidPackageId(Id) || Id.Length > PackageIdValidator.MaxPackageIdLength)
            return $"{Directive}: '{Id}' is not a NuGet package id (letters, digits, '.', '-' and '_'), e.g. #r \"nuget: MathNet.Numerics\".";
        if (Version is not null && !VersionRange.TryParse(Version, allowFloating: true, out _))
            return $"{Directive}: '{Version}' is not a NuGet version or range; write e.g. 1.2.0, [1.0, 2.0), 1.* or *-* (prerelease).";
        return null;
    }
}
