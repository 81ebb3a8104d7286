using System.Text.Json.Serialization;

namespace Course.Notebooks.Packages;

/// <summary>What a set of package requests resolved to.</summary>
/// <param name="Packages">Every package of the graph, the requested ones and their dependencies.</param>
/// <param name="Warnings">NuGet's warnings at restore time (NU1603 a nearer version, NU1701 a .NET Framework package, …), one line each.</param>
/// <param name="FromCache">True when read from the cache without running a restore.</param>
public sealed record RestoreResult(IReadOnlyList<RestoredPackage> Packages, IReadOnlyList<string> Warnings, [property: JsonIgnore] bool FromCache);
