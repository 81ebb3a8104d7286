using System.Text;
using Course.Notebooks.Execution;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Course.Notebooks.Kernel;

/// <summary>Completion, inspection and "is this complete?" for the kernel, from Roslyn's view of the next cell.</summary>
/// <remarks>
/// The code is compiled as the submission after every cell run so far, so variables and types of earlier
/// cells complete. Jupyter counts cursor positions in Unicode code points; C# strings count UTF-16 units.
/// </remarks>
public static class CodeIntelligence
{
    /// <summary>Jupyter's <c>is_complete</c> status: <c>incomplete</c> when more lines could finish the code (an open brace),
    /// <c>invalid</c> when it has a syntax error no further line can fix, else <c>complete</c>.</summary>
    public static string IsComplete(string code)
    {
        var (_, body) = DirectiveParser.Parse(code);
        if (string.IsNullOrWhiteSpace(body) || HelpQuery.Target(body) is not null) return "complete";
        var tree = SyntaxFactory.ParseSyntaxTree(body, NotebookEngine.ScriptParseOptions);
        if (!SyntaxFactory.IsCompleteSubmission(tree)) return "incomplete";
        return tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error) ? "invalid" : "complete";
    }

    /// <summary>The indentation for the next line of incomplete <paramref name="code"/>: the last line's, one level deeper after an opening brace.</summary>
    public static string NextIndent(string code)
    {
        var last = code.Split('\n')[^1];
        var indent = last[..(last.Length - last.TrimStart(' ', '\t').Length)];
        return last.TrimEnd().EndsWith('{') ? indent + "    " : indent;
    }

    /// <summary>Members after a dot, or names in scope, that start with what is typed before <paramref name="cursor"/>.</summary>
    public static Completion Complete(NotebookEngine engine, string code, int cursor)
    {
        var position = ToUtf16(code, cursor);
        var start = position;
        while (start > 0 && (char.IsLetterOrDigit(code[start - 1]) || code[start - 1] == '_')) start--;
        var prefix = code[start..position];
        var compilation = engine.CompileNext(code);
        var tree = compilation.SyntaxTrees.Last();
        var model = compilation.GetSemanticModel(tree);
        var symbols = Lookup(model, tree, start);
        var matches = symbols
            .Where(s => s.CanBeReferencedByName && !s.IsImplicitlyDeclared && s is not IMethodSymbol { MethodKind: not (MethodKind.Ordinary or MethodKind.ReducedExtension) })
            .Select(s => s.Name)
            .Where(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && !n.StartsWith('<'))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new Completion(matches, ToCodePoints(code, start), cursor);
    }

    /// <summary>Plain text describing the symbol at <paramref name="cursor"/>, or null when there is none.</summary>
    public static string? Inspect(NotebookEngine engine, string code, int cursor)
    {
        var position = ToUtf16(code, cursor);
        var compilation = engine.CompileNext(code);
        var tree = compilation.SyntaxTrees.Last();
        var model = compilation.GetSemanticModel(tree);
        var root = tree.GetRoot();
        var token = root.FindToken(Math.Max(0, Math.Min(position, root.FullSpan.End) - 1));
        if (!token.IsKind(SyntaxKind.IdentifierToken)) token = root.FindToken(Math.Min(position, Math.Max(0, root.FullSpan.End - 1)));
        if (token.Parent is null) return null;
        var symbol = model.GetSymbolInfo(token.Parent).Symbol
                     ?? model.GetSymbolInfo(token.Parent).CandidateSymbols.FirstOrDefault()
                     ?? model.GetDeclaredSymbol(token.Parent)
                     ?? model.GetTypeInfo(token.Parent).Type;
        if (symbol is null or ITypeSymbol { TypeKind: TypeKind.Error }) return null; // an unknown name is no symbol
        var text = new StringBuilder($"{symbol.Kind}: {symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)}");
        var type = symbol switch { ILocalSymbol l => l.Type, IFieldSymbol f => f.Type, IPropertySymbol p => p.Type, IParameterSymbol p => p.Type, _ => null };
        if (type is not null) text.Append($"\nType: {type.ToDisplayString()}");
        if (symbol.ContainingAssembly is { } assembly) text.Append($"\nAssembly: {assembly.Identity.Name}");
        var doc = symbol.GetDocumentationCommentXml();
        if (!string.IsNullOrWhiteSpace(doc)) text.Append('\n').Append(doc.Trim());
        return text.ToString();
    }

    private static IEnumerable<ISymbol> Lookup(SemanticModel model, SyntaxTree tree, int start)
    {
        var root = tree.GetRoot();
        var before = start > 0 ? root.FindToken(start - 1) : default;
        if (before.IsKind(SyntaxKind.DotToken) && before.Parent is MemberAccessExpressionSyntax access)
        {
            var target = access.Expression;
            var info = model.GetSymbolInfo(target).Symbol;
            if (info is INamespaceOrTypeSymbol container)
                return info is INamespaceSymbol ? model.LookupNamespacesAndTypes(start, container) : model.LookupStaticMembers(start, container);
            var type = model.GetTypeInfo(target).Type;
            return type is null ? [] : model.LookupSymbols(start, type, includeReducedExtensionMethods: true).Where(s => !s.IsStatic || s is IMethodSymbol { MethodKind: MethodKind.ReducedExtension });
        }
        if (before.IsKind(SyntaxKind.DotToken) && before.Parent is QualifiedNameSyntax qualified
            && model.GetSymbolInfo(qualified.Left).Symbol is INamespaceOrTypeSymbol scope)
            return model.LookupNamespacesAndTypes(start, scope);
        return model.LookupSymbols(start);
    }

    /// <summary>The UTF-16 index of code point <paramref name="cursor"/> in <paramref name="code"/>.</summary>
    internal static int ToUtf16(string code, int cursor)
    {
        var index = 0;
        for (var points = 0; points < cursor && index < code.Length; points++)
            index += char.IsHighSurrogate(code[index]) && index + 1 < code.Length ? 2 : 1;
        return Math.Min(index, code.Length);
    }

    /// <summary>The code-point count of the first <paramref name="utf16"/> units of <paramref name="code"/>.</summary>
    internal static int ToCodePoints(string code, int utf16)
    {
        var points = 0;
        for (var i = 0; i < utf16; i++)
            if (!char.IsLowSurrogate(code[i])) points++;
        return points;
    }
}
