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
    private string previous = "";

    /// <summary>Compile <paramref name="source"/> as the next cell: its compilation and its syntax tree (directive lines blanked).</summary>
    /// <exception cref="Document.NotebookFormatException">
    /// The previous cell does not compile, so this one cannot be read after it (as Roslyn requires): names that cell by its
    /// first line, and its first error.
    /// </exception>
    public (Compilation Compilation, SyntaxTree Tree) Add(string source)
    {
        var (directives, code) = DirectiveParser.Parse(source);
        foreach (var reference in directives.OfType<NuGetReference>())
            if (ShippedPackages.Resolve(reference.Id) is { } assemblies)
                options = options.AddReferences(assemblies.Select(ScriptReferences.For));
        var before = script;
        script = script is null ? CSharpScript.Create(code, options, typeof(ScriptGlobals)) : script.ContinueWith(code, options);
        Compilation compilation;
        try
        {
            compilation = script.GetCompilation();
        }
        catch (InvalidOperationException) when (before?.GetCompilation().GetDiagnostics().FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error)
        {
            // Roslyn checks the previous cell as it adds this one, and says only "Previous submission has errors".
            throw new Document.NotebookFormatException($"the cell starting \"{FirstLine(previous)}\" does not compile: {error.GetMessage(System.Globalization.CultureInfo.InvariantCulture)} (its line {error.Location.GetLineSpan().StartLinePosition.Line + 1})");
        }
        previous = code;
        return (compilation, compilation.SyntaxTrees.Single());
    }

    private static string FirstLine(string code)
    {
        var line = code.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        return line.Length > 60 ? line[..60] + "…" : line;
    }
}
