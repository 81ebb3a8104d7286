using Course.Notebooks.Execution;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Course.Notebooks.Grading;

/// <summary>Reads a submission's own cells with Roslyn's semantic model and finds what they may not call.</summary>
/// <remarks>
/// Two kinds of rule. Everywhere: reflection, <c>dynamic</c>, loading or emitting code, native interop, unsafe code,
/// the raw standard streams, processes and the grader's own types — each could reach past the grade cells. Per exercise:
/// the symbols its grade cell lists in <c>"course": {"forbid": ["Course.Cnn.ByHand"]}</c> (a namespace, type or member, by
/// full name), so that an answer is not one call into the library that already implements it. Only the student's cells
/// are read (exercise cells and cells they added); the key's cells may use anything.
/// </remarks>
public sealed class SubmissionAudit
{
    private static readonly (string Prefix, string Reason)[] everywhere =
    [
        ("System.Reflection", "reflection"), ("System.Type.Get", "reflection"), ("System.Type.InvokeMember", "reflection"),
        ("System.Type.TypeInitializer", "reflection"), ("System.Activator", "reflection"), ("System.Delegate.CreateDelegate", "reflection"),
        ("System.Runtime.CompilerServices.RuntimeHelpers", "runtime internals"), ("System.Runtime.CompilerServices.Unsafe", "unsafe code"),
        ("System.Runtime.Loader", "loading assemblies"), ("System.AppDomain", "loading assemblies"), ("System.Linq.Expressions", "compiling code"),
        ("Microsoft.CodeAnalysis", "compiling code"), ("System.Runtime.InteropServices", "native code"), ("Microsoft.Win32.SafeHandles", "raw file handles"),
        ("System.IO.Pipes", "raw file handles"), ("System.Console.OpenStandard", "the raw standard streams"), ("System.Console.Set", "the raw standard streams"),
        ("System.Diagnostics.Process", "starting processes"), ("System.Environment.Exit", "ending the process"), ("System.Environment.FailFast", "ending the process"),
        ("Course.Notebooks", "the grader's internals"), ("Course.Grading.Probe", "the grader's internals"),
    ];

    /// <summary>Members under the rules' prefixes that only read a name.</summary>
    private static readonly HashSet<string> harmless = new(StringComparer.Ordinal) { "System.Reflection.MemberInfo.Name" };

    private static readonly SymbolDisplayFormat fullName = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.None);

    private readonly List<(string Symbol, string Where)> used = [];

    /// <summary>Violations of the rules that hold everywhere (each makes every exercise score 0).</summary>
    public IReadOnlyList<Violation> Everywhere { get; }

    private SubmissionAudit(List<Violation> everywhere) => Everywhere = everywhere;

    /// <summary>Compile the cells in order (nothing runs) and record what the student's cells use.</summary>
    public static SubmissionAudit Inspect(IReadOnlyList<SubmissionCell> cells)
    {
        lock (RoslynGate.Compiling) return InspectAlone(cells);
    }

    private static SubmissionAudit InspectAlone(IReadOnlyList<SubmissionCell> cells)
    {
        var compiler = new CellCompiler();
        var violations = new List<Violation>();
        var audit = new SubmissionAudit(violations);
        foreach (var cell in cells)
        {
            var (compilation, tree) = compiler.Add(cell.Source);
            if (!cell.ByStudent) continue;
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                var where = $"{cell.Label}, line {node.GetLocation().GetLineSpan().StartLinePosition.Line + 1}";
                if (Unsafe(node) is { } construct) violations.Add(new Violation(construct, where, "unsafe code"));
                if (node is not (SimpleNameSyntax or ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax)) continue;
                var info = model.GetSymbolInfo(node);
                foreach (var symbol in info.Symbol is { } s ? [s] : info.CandidateSymbols)
                {
                    if (symbol is IDynamicTypeSymbol || model.GetTypeInfo(node).Type is IDynamicTypeSymbol)
                    {
                        violations.Add(new Violation("dynamic", where, "late binding"));
                        continue;
                    }
                    if (symbol.Locations.Any(l => l.IsInSource)) continue;
                    var name = NameOf(symbol);
                    audit.used.Add((name, where));
                    if (!harmless.Contains(name) && everywhere.FirstOrDefault(r => Matches(name, r.Prefix)) is { Reason: { } reason })
                        violations.Add(new Violation(name, where, reason));
                }
            }
        }
        // One violation per line, the most specific name (Assembly.LoadFrom rather than System.Reflection).
        var distinct = violations.GroupBy(v => v.Where).Select(g => g.MaxBy(v => v.Symbol.Length)!).ToList();
        violations.Clear();
        violations.AddRange(distinct);
        return audit;
    }

    /// <summary>The first use of a symbol that <paramref name="forbid"/> names (a namespace, type or member by full name), or null.</summary>
    public Violation? Forbidden(IEnumerable<string> forbid)
    {
        var prefixes = forbid.ToList();
        var matches = used.Where(u => prefixes.Any(p => Matches(u.Symbol, p))).ToList();
        if (matches.Count == 0) return null;
        var first = matches.Where(m => m.Where == matches[0].Where).MaxBy(m => m.Symbol.Length);   // ByHand.Conv2d rather than ByHand
        return new Violation(first.Symbol, first.Where, null);
    }

    private static string? Unsafe(SyntaxNode node) => node switch
    {
        UnsafeStatementSyntax => "unsafe { … }",
        PointerTypeSyntax or FunctionPointerTypeSyntax => "a pointer type",
        FixedStatementSyntax => "fixed",
        MemberDeclarationSyntax m when m.Modifiers.Any(SyntaxKind.UnsafeKeyword) || m.Modifiers.Any(SyntaxKind.ExternKeyword) => "an unsafe or extern member",
        LocalFunctionStatementSyntax f when f.Modifiers.Any(SyntaxKind.UnsafeKeyword) || f.Modifiers.Any(SyntaxKind.ExternKeyword) => "an unsafe or extern function",
        _ => null,
    };

    private static string NameOf(ISymbol symbol) => symbol switch
    {
        INamespaceSymbol or INamedTypeSymbol => symbol.ToDisplayString(fullName),
        IMethodSymbol { ReducedFrom: { } original } => original.ContainingType.ToDisplayString(fullName) + "." + original.Name,
        _ when symbol.ContainingType is { } type => type.ToDisplayString(fullName) + "." + symbol.Name,
        _ => symbol.ToDisplayString(fullName),
    };

    private static bool Matches(string name, string prefix) =>
        name.StartsWith(prefix, StringComparison.Ordinal) && (name.Length == prefix.Length || !char.IsLetterOrDigit(name[prefix.Length]) || prefix.EndsWith('.') || !char.IsLetterOrDigit(prefix[^1]) || IsPartial(prefix));

    /// <summary>Rules written as the start of a member name (<c>System.Type.Get</c>, <c>System.Console.OpenStandard</c>) match any continuation.</summary>
    private static bool IsPartial(string prefix) => prefix is "System.Type.Get" or "System.Console.OpenStandard" or "System.Console.Set";
}
