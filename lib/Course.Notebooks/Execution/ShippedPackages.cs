using System.Reflection;

namespace Course.Notebooks.Execution;

/// <summary>The NuGet packages the engine ships: <c>#r "nuget: …"</c> binds them to the engine's own assemblies.</summary>
/// <remarks>
/// A notebook's <c>#r "nuget: TorchSharp-cpu, 0.107.0"</c> binds to the TorchSharp the engine was built with, whatever
/// version it asks (one copy per process: the Course library's types are built on it), so notebooks written for Polyglot
/// Notebooks run unchanged; so does a restored package's dependency on one of these. Other packages are restored
/// (<see cref="Packages.NotebookPackages"/>).
/// </remarks>
public static class ShippedPackages
{
    private static readonly Dictionary<string, Func<Assembly[]>> packages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Course"] = () => [typeof(Metrics).Assembly, .. TorchAndPlotly()],
        ["TorchSharp"] = () => [typeof(TorchSharp.torch).Assembly],
        ["TorchSharp-cpu"] = () => [typeof(TorchSharp.torch).Assembly],
        ["Plotly.NET"] = () => [typeof(Plotly.NET.GenericChart).Assembly, typeof(Microsoft.FSharp.Core.FSharpOption<>).Assembly],
        ["Plotly.NET.CSharp"] = () => [typeof(Plotly.NET.CSharp.Chart).Assembly, typeof(Plotly.NET.GenericChart).Assembly, typeof(Microsoft.FSharp.Core.FSharpOption<>).Assembly],
        ["FSharp.Core"] = () => [typeof(Microsoft.FSharp.Core.FSharpOption<>).Assembly],
        // The engine's own implementation of .NET Interactive's formatting API (Display/), referenced by every cell already.
        ["Microsoft.DotNet.Interactive.Formatting"] = () => [typeof(Microsoft.DotNet.Interactive.Formatting.Formatter).Assembly],
    };

    private static Assembly[] TorchAndPlotly() =>
    [
        typeof(TorchSharp.torch).Assembly, typeof(Plotly.NET.GenericChart).Assembly,
        typeof(Plotly.NET.CSharp.Chart).Assembly, typeof(Microsoft.FSharp.Core.FSharpOption<>).Assembly,
    ];

    /// <summary>True for a shipped package and for packages whose contents the engine has in another form (libtorch's native packages).</summary>
    public static bool Covers(string id) =>
        packages.ContainsKey(id) || id.StartsWith("libtorch-", StringComparison.OrdinalIgnoreCase);

    /// <summary>The assemblies of package <paramref name="id"/>, or null when it is not shipped.</summary>
    public static IReadOnlyList<Assembly>? Resolve(string id) => packages.TryGetValue(id, out var get) ? get() : null;

    /// <summary>The informational version of the assembly that stands for <paramref name="id"/>.</summary>
    public static string? VersionOf(string id)
    {
        var assembly = Resolve(id)?.FirstOrDefault();
        var version = assembly?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly?.GetName().Version?.ToString();
        return version?.Split('+')[0];
    }
}
