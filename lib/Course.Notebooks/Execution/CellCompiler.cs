using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Course.Notebooks.Execution;

/// <summary>Compiles a notebook's cells one after another as the engine would run them, without running anything.</summary>
/// <remarks>
/// The grader reads cells with Roslyn's semantic model here: to resolve a grade cell's names as the key sees them, and
/// to find what a student's cells call. <c>#r "nuget: …"</c> adds the shipped package's references as in the engine.
/// </remarks>
internal sealed class CellCompiler
{
    private ScriptOptions options = ScriptSetup.Options();
    private Script? script;

    /// <summary>Compile <paramref name="source"/> as the next cell: its compilation and its syntax tree (directive lines blanked).</summary>
    public (Compilation Compilation, SyntaxTree Tree) Add(string source)
    {
        var (directives, code) = DirectiveParser.Parse(source);
        foreach (var reference in directives.OfType<NuGetReference>())
            if (ShippedPackages.Resolve(reference.Id) is { } assemblies)
                options = options.AddReferences(assemblies.Select(ScriptReferences.For));
        script = script is null ? CSharpScript.Create(code, options, typeof(ScriptGlobals)) : script.ContinueWith(code, options);
        var compilation = script.GetCompilation();
        return (compilation, compilation.SyntaxTrees.Single());
    }
}
