using System.Globalization;
using Course.Notebooks.Document;
using Course.Notebooks.Execution;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Course.Notebooks.Running;

/// <summary>Overrides the variables of the cell tagged <c>parameters</c> (papermill's convention).</summary>
/// <remarks>
/// Like papermill, the overrides go into a new cell tagged <c>injected-parameters</c> right after
/// the parameters cell, so the executed notebook shows what changed. Values are written as C#
/// literals of the type the parameters cell declares (int, long, double, float, bool, string).
/// </remarks>
public static class NotebookParameters
{
    /// <summary>Environment variable with overrides for every notebook: <c>name=value;name=value</c>.</summary>
    public const string EnvironmentVariable = "COURSE_PARAMETERS";

    /// <summary>The declared parameters of <paramref name="notebook"/>: name → C# type keyword.</summary>
    public static IReadOnlyDictionary<string, string> Declared(NotebookDocument notebook)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var cell = notebook.Cells.FirstOrDefault(c => c.Type == CellType.Code && c.HasTag("parameters"));
        if (cell is null) return result;
        var root = SyntaxFactory.ParseSyntaxTree(DirectiveParser.Parse(cell.Source).Code, NotebookEngine.ScriptParseOptions).GetCompilationUnitRoot();
        foreach (var declaration in root.DescendantNodes().OfType<LocalDeclarationStatementSyntax>())
        foreach (var variable in declaration.Declaration.Variables)
            result[variable.Identifier.Text] = TypeOf(declaration.Declaration.Type, variable.Initializer?.Value);
        foreach (var field in root.DescendantNodes().OfType<FieldDeclarationSyntax>())
        foreach (var variable in field.Declaration.Variables)
            result[variable.Identifier.Text] = TypeOf(field.Declaration.Type, variable.Initializer?.Value);
        return result;
    }

    /// <summary>Parse <c>name=value;name=value</c> (from <see cref="EnvironmentVariable"/>; commas also separate) with <see cref="Parse"/>'s rules.</summary>
    /// <exception cref="ArgumentException">An item is not of the form name=value.</exception>
    public static IReadOnlyDictionary<string, string> ParseList(string? list) =>
        Parse((list ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>Parse <c>name=value</c> assignments (<c>-p</c> options, the environment variable's items); a name given twice keeps its last value, as papermill does.</summary>
    /// <remarks>The one parser behind <c>course run -p</c>, <c>course grade -p</c>, <see cref="EnvironmentVariable"/> and the kernel.</remarks>
    /// <exception cref="ArgumentException">An item is not of the form name=value.</exception>
    public static IReadOnlyDictionary<string, string> Parse(IEnumerable<string> assignments)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in assignments)
        {
            var (name, value) = ParseAssignment(item);
            result[name] = value;
        }
        return result;
    }

    /// <summary>Split <c>name=value</c>.</summary>
    /// <exception cref="ArgumentException">No '=' or an empty name.</exception>
    public static (string Name, string Value) ParseAssignment(string text)
    {
        var eq = text.IndexOf('=');
        if (eq <= 0)
            throw new ArgumentException($"parameter '{text}' is not of the form name=value (e.g. -p numEpochs=2).");
        return (text[..eq].Trim(), text[(eq + 1)..].Trim());
    }

    /// <summary>
    /// Insert the injected-parameters cell; returns the names in <paramref name="overrides"/> that
    /// the notebook does not declare (they are not applied).
    /// </summary>
    /// <exception cref="ArgumentException">A value does not fit the declared type.</exception>
    public static IReadOnlyList<string> Apply(NotebookDocument notebook, IReadOnlyDictionary<string, string> overrides)
    {
        if (overrides.Count == 0) return [];
        var declared = Declared(notebook);
        var unknown = overrides.Keys.Where(k => !declared.ContainsKey(k)).ToList();
        var lines = overrides.Where(kv => declared.ContainsKey(kv.Key))
                             .Select(kv => $"{declared[kv.Key]} {kv.Key} = {Literal(kv.Key, declared[kv.Key], kv.Value)};")
                             .ToList();
        if (lines.Count == 0) return unknown;
        var index = notebook.Cells.FindIndex(c => c.Type == CellType.Code && c.HasTag("parameters"));
        var injected = NotebookCell.Code("// Parameters injected by course run\n" + string.Join('\n', lines), "injected-parameters");
        notebook.Cells.Insert(index + 1, injected);
        return unknown;
    }

    private static string TypeOf(TypeSyntax type, ExpressionSyntax? value)
    {
        if (!type.IsVar) return type.ToString();
        if (value is PrefixUnaryExpressionSyntax { Operand: var operand }) value = operand;
        return value switch
        {
            LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } => "string",
            LiteralExpressionSyntax { RawKind: (int)SyntaxKind.TrueLiteralExpression or (int)SyntaxKind.FalseLiteralExpression } => "bool",
            LiteralExpressionSyntax { Token.Value: var v } => v switch
            {
                int => "int", long => "long", float => "float", double => "double", decimal => "decimal", _ => "var",
            },
            _ => "var",
        };
    }

    private static string Literal(string name, string type, string value)
    {
        var ok = type switch
        {
            "int" => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            "long" => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            "double" or "float" or "decimal" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            "bool" => bool.TryParse(value, out _),
            _ => true,
        };
        if (!ok)
            throw new ArgumentException($"parameter {name}={value}: {name} is a {type} in the parameters cell; give a {type} value.");
        return type switch
        {
            "string" => SymbolDisplay(value),
            "float" => value + "f",
            "decimal" => value + "m",
            "double" when !value.Contains('.') && !value.Contains('e', StringComparison.OrdinalIgnoreCase) => value + ".0",
            "bool" => value.ToLowerInvariant(),
            _ => value,
        };
    }

    private static string SymbolDisplay(string value) =>
        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value)).ToString();
}
