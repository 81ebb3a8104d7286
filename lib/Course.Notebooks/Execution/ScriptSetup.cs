using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace Course.Notebooks.Execution;

/// <summary>The script options every cell starts from: the base library, the engine's globals, Course and the usual usings.</summary>
/// <remarks>Shared by <see cref="NotebookEngine"/> (which runs cells) and <see cref="CellCompiler"/> (which only compiles them).</remarks>
internal static class ScriptSetup
{
    private static readonly string[] defaultImports =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Text", "System.Threading", "System.Threading.Tasks"];

    /// <summary>Fresh options for a notebook's first cell.</summary>
    public static ScriptOptions Options() => ScriptOptions.Default
        .WithReferences(ScriptReferences.Framework)
        .AddReferences(ScriptReferences.For(typeof(ScriptGlobals).Assembly), ScriptReferences.For(typeof(Metrics).Assembly))
        .AddReferences(ShippedPackages.Resolve("Microsoft.DotNet.Interactive.Formatting")!.Select(ScriptReferences.For))
        .WithImports(defaultImports)
        .WithOptimizationLevel(OptimizationLevel.Release)
        .WithEmitDebugInformation(true)
        .WithFileEncoding(Encoding.UTF8)
        .WithAllowUnsafe(true);
}
