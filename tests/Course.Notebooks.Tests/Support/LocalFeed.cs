using Course.Notebooks.Execution;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NuGet.Frameworks;
using NuGet.Packaging;
using NuGet.Packaging.Core;
using NuGet.Versioning;

namespace Course.Notebooks.Tests.Support;

/// <summary>A folder of NuGet packages made in the test: assemblies compiled by Roslyn in process, packed by NuGet's <see cref="PackageBuilder"/>.</summary>
/// <remarks>Much cheaper than <c>dotnet pack</c>: no MSBuild, a few milliseconds per package.</remarks>
public sealed class LocalFeed(string folder)
{
    /// <summary>The feed's folder (flat: one <c>.nupkg</c> per version).</summary>
    public string Folder { get; } = Directory.CreateDirectory(folder).FullName;

    /// <summary>An assembly named <paramref name="name"/> compiled from <paramref name="source"/> against the framework and <paramref name="references"/>.</summary>
    /// <param name="publicKey">Public-sign it with this key (.NET does not check strong-name signatures), so it has that assembly's identity.</param>
    public static byte[] Compile(string name, string source, string[]? references = null, byte[]? publicKey = null)
    {
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary);
        if (publicKey is not null) options = options.WithPublicSign(true).WithCryptoPublicKey([.. publicKey]);
        var compilation = CSharpCompilation.Create(name,
            [CSharpSyntaxTree.ParseText(source)],
            [.. ScriptReferences.Framework, .. (references ?? []).Select(r => MetadataReference.CreateFromFile(r))],
            options);
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        if (!emitted.Success)
            throw new InvalidOperationException($"{name} did not compile: {string.Join("; ", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))}");
        return stream.ToArray();
    }

    /// <summary>Write <c>id.version.nupkg</c> holding <paramref name="files"/> (package path → bytes), depending on <paramref name="dependencies"/> (id → range) for net10.0.</summary>
    public void Add(string id, string version, IReadOnlyDictionary<string, byte[]> files, IReadOnlyDictionary<string, string>? dependencies = null)
    {
        var builder = new PackageBuilder { Id = id, Version = NuGetVersion.Parse(version), Description = $"{id} for the course's tests" };
        builder.Authors.Add("Course tests");
        foreach (var (path, bytes) in files)
            builder.Files.Add(new PhysicalPackageFile(new MemoryStream(bytes)) { TargetPath = path });
        if (dependencies is { Count: > 0 })
            builder.DependencyGroups.Add(new PackageDependencyGroup(NuGetFramework.Parse("net10.0"),
                dependencies.Select(d => new PackageDependency(d.Key, VersionRange.Parse(d.Value)))));
        using var stream = File.Create(Path.Combine(Folder, $"{id}.{version}.nupkg"));
        builder.Save(stream);
    }
}
