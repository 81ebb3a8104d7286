using Course.Notebooks.Document;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Course.Notebooks.Grading;

/// <summary>Rewrites a grade cell so that no check is decided in the student's process and no name can be redirected.</summary>
/// <remarks>
/// Two rewrites, both made with the semantic model of the key (which has no student declarations in it):
/// <list type="bullet">
/// <item>every <c>Check.Equal/Close/Shape/That</c> call becomes <c>Probe.Value(n, actual)</c> for the student — its
/// expected value, tolerance and message are dropped, so hidden expectations never reach the student's process — and
/// <c>Probe.Expect(n, kind, actual, expected, tolerance, what)</c> for the key;</item>
/// <item>every name that binds to a library type, namespace or <c>using static</c> member is written out in full
/// (<c>global::TorchSharp.torch.randn</c>), so a student's <c>class Check</c>, <c>class Grid</c> or <c>Tensor randn(…)</c>
/// cannot stand in for the library inside a grade cell.</item>
/// </list>
/// </remarks>
public static class GradeCellRewriter
{
    private const string Probe = "global::Course.Grading.Probe";

    /// <summary>Rewrite the grade cell whose code is the single syntax tree of <paramref name="compilation"/> (see <c>CellCompiler</c>).</summary>
    /// <exception cref="NotebookFormatException">A check is written in a form the grader cannot split (named arguments, a method group).</exception>
    public static RewrittenGradeCell Rewrite(Compilation compilation, SyntaxTree tree, string where)
    {
        var model = compilation.GetSemanticModel(tree);
        var root = tree.GetRoot();
        var checks = root.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(i => model.GetSymbolInfo(i).Symbol is IMethodSymbol { ContainingType: var type } && IsCheck(type))
            .OrderBy(i => i.SpanStart)
            .Select((node, index) => (node, index))
            .ToDictionary(p => (SyntaxNode)p.node, p => p.index);
        var names = root.DescendantNodes().Where(n => n is SimpleNameSyntax && !checks.ContainsKey(n)).Select(n => (n, full: FullName((SimpleNameSyntax)n, model)))
            .Where(p => p.full is not null).ToDictionary(p => p.n, p => p.full!);
        foreach (var unresolved in root.DescendantNodes().OfType<MemberAccessExpressionSyntax>()
                     .Where(m => m.Name.Identifier.Text is "Equal" or "Close" or "Shape" or "That" && m.Expression.ToString().EndsWith("Check", StringComparison.Ordinal)
                                 && m.Parent is not InvocationExpressionSyntax))
            throw new NotebookFormatException($"{where}: '{unresolved}' is not called; grade cells must call checks directly.");

        string Render(bool forKey)
        {
            var rewritten = root.ReplaceNodes(checks.Keys.Concat(names.Keys), (original, current) =>
            {
                if (names.TryGetValue(original, out var full))
                    return SyntaxFactory.ParseTypeName(full + (current is GenericNameSyntax g ? g.TypeArgumentList.ToFullString() : ""))   // a name fits type and expression positions
                        .WithTriviaFrom(current);
                var call = (InvocationExpressionSyntax)current;
                var method = ((IMethodSymbol)model.GetSymbolInfo(original).Symbol!).Name;
                return SyntaxFactory.ParseExpression(Replacement(checks[original], method, call.ArgumentList.Arguments, forKey, where)).WithTriviaFrom(current);
            });
            // In an interpolation hole `{global::X:F4}` reads as the hole `global` with the format `:X:F4`: parenthesize the full names there.
            rewritten = rewritten.ReplaceNodes(rewritten.DescendantNodes().OfType<InterpolationSyntax>().Where(h => h.Expression.ToString().StartsWith("global::", StringComparison.Ordinal)),
                (_, hole) => hole.WithExpression(SyntaxFactory.ParenthesizedExpression(hole.Expression.WithoutTrivia()).WithTriviaFrom(hole.Expression)));
            var text = rewritten.ToFullString();
            return forKey ? text : string.Join('\n', text.Split('\n').Where(l => l.Trim() is not (ExerciseMarkers.BeginHidden or ExerciseMarkers.EndHidden)));
        }

        return new RewrittenGradeCell(Render(forKey: true), Render(forKey: false), checks.Count);
    }

    private static bool IsCheck(INamedTypeSymbol type) =>
        type.Name == "Check" && type.ContainingNamespace.ToDisplayString() == "Course.Grading" && !type.Locations.Any(l => l.IsInSource);

    private static string Replacement(int index, string method, SeparatedSyntaxList<ArgumentSyntax> args, bool forKey, string where)
    {
        if (args.Any(a => a.NameColon is not null || !a.RefKindKeyword.IsKind(SyntaxKind.None)))
            throw new NotebookFormatException($"{where}: write the arguments of Check.{method} in order, without names ({args})");
        string Arg(int i) => args[i].Expression.ToFullString().Trim();
        var expectedCount = method switch { "Equal" or "Shape" => 3, "Close" => 4, "That" => 2, _ => -1 };
        if (args.Count != expectedCount) throw new NotebookFormatException($"{where}: Check.{method} takes {expectedCount} arguments, got {args.Count}");
        if (!forKey) return method == "Shape" ? $"{Probe}.Shape({index}, {Arg(0)})" : $"{Probe}.Value({index}, {Arg(0)})";
        return method switch
        {
            "Equal" => $"{Probe}.Expect({index}, \"Equal\", {Arg(0)}, {Arg(1)}, 0, {Arg(2)})",
            "Close" => $"{Probe}.Expect({index}, \"Close\", {Arg(0)}, {Arg(1)}, {Arg(2)}, {Arg(3)})",
            "Shape" => $"{Probe}.ExpectShape({index}, {Arg(0)}, {Arg(1)}, {Arg(2)})",
            _ => $"{Probe}.Expect({index}, \"That\", {Arg(0)}, true, 0, {Arg(1)})",
        };
    }

    /// <summary>The full name a simple name must be written as, or null when it may stay (locals, the notebook's own variables, members after a dot).</summary>
    private static string? FullName(SimpleNameSyntax name, SemanticModel model)
    {
        if (name.Parent is MemberAccessExpressionSyntax access && access.Name == name) return null;
        if (name.Parent is QualifiedNameSyntax qualified && qualified.Right == name) return null;
        if (name.Parent is AliasQualifiedNameSyntax or NameColonSyntax or NameEqualsSyntax) return null;
        if (name is IdentifierNameSyntax { IsVar: true } || name.Identifier.Text is "nameof" or "dynamic") return null;
        var symbol = model.GetSymbolInfo(name).Symbol ?? model.GetSymbolInfo(name).CandidateSymbols.FirstOrDefault();
        if (symbol is null || symbol.Locations.Any(l => l.IsInSource)) return null;
        var format = SymbolDisplayFormat.FullyQualifiedFormat.WithGenericsOptions(SymbolDisplayGenericsOptions.None)
            .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);
        return symbol switch
        {
            INamespaceSymbol { IsGlobalNamespace: false } ns => ns.ToDisplayString(format),
            INamedTypeSymbol type when type.TypeKind != TypeKind.Error => type.ToDisplayString(format),
            IMethodSymbol { IsStatic: true, MethodKind: MethodKind.Ordinary, ReducedFrom: null } method => method.ContainingType.ToDisplayString(format) + "." + method.Name,
            IFieldSymbol { IsStatic: true } or IPropertySymbol { IsStatic: true } => symbol.ContainingType.ToDisplayString(format) + "." + symbol.Name,
            _ => null,
        };
    }
}
