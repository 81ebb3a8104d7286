namespace Course.Notebooks.Packages;

/// <summary>One package of a restored graph: the assemblies a notebook references and loads, and its native folders.</summary>
/// <param name="Id">The package id as NuGet spells it.</param>
/// <param name="Version">The version restore chose.</param>
/// <param name="Assemblies">Absolute paths: the runtime assemblies for this framework and runtime (runtime-specific ones when the package has them), plus compile-only ones.</param>
/// <param name="NativeFolders">Absolute folders holding the package's native libraries for this runtime.</param>
public sealed record RestoredPackage(string Id, string Version, IReadOnlyList<string> Assemblies, IReadOnlyList<string> NativeFolders);
