using System.Globalization;

namespace Course.Notebooks.Targets;

/// <summary>A parsed learning target such as <c>&lt;= 0.045</c> or <c>&lt; 0.6 * copy_last_frame_mse and &lt; empty_frame_mse</c>.</summary>
/// <remarks>
/// Grammar (issue 15): <c>condition ("and" condition)*</c>, a condition is <c>op expr</c> with op one of
/// <c>&lt; &lt;= &gt; &gt;= ==</c>, and an expr is numbers, other metrics of the same notebook, <c>+ - * /</c> and
/// parentheses. The metric being judged is the left-hand side of every condition. Targets live in each
/// notebook's metadata (<c>"course": {"targets": {…}}</c>); <c>course run</c> judges them after the notebook.
/// </remarks>
public sealed class TargetExpression
{
    private readonly IReadOnlyList<Condition> conditions;

    private TargetExpression(string text, IReadOnlyList<Condition> conditions)
    {
        Text = text;
        this.conditions = conditions;
    }

    /// <summary>The target as written in the metadata.</summary>
    public string Text { get; }

    /// <summary>The other metrics the target compares with, in order of appearance.</summary>
    public IReadOnlyList<string> References => conditions.SelectMany(c => c.Bound.Names()).Distinct().ToList();

    /// <summary>Parse the target of <paramref name="metric"/>.</summary>
    /// <exception cref="FormatException">One line naming the metric, the target and what is wrong.</exception>
    public static TargetExpression Parse(string metric, string text)
    {
        try
        {
            var parser = new Parser(text);
            var conditions = new List<Condition> { parser.Condition() };
            while (parser.Accept("and")) conditions.Add(parser.Condition());
            parser.End();
            return new TargetExpression(text, conditions);
        }
        catch (FormatException e)
        {
            throw new FormatException($"target {metric} \"{text}\": {e.Message} (e.g. \"<= 0.045\", \"< 0.6 * copy_last_frame_mse\", \">= 0.02 and <= 0.1\").");
        }
    }

    /// <summary>Judge <paramref name="metric"/> against this target, given everything the notebook recorded.</summary>
    public TargetJudgement Judge(string metric, IReadOnlyDictionary<string, double> metrics)
    {
        if (!metrics.TryGetValue(metric, out var value))
            return new TargetJudgement(metric, Text, null, false, $"{metric} was not recorded");
        var missing = References.Where(n => !metrics.ContainsKey(n)).ToList();
        if (missing.Count > 0)
            return new TargetJudgement(metric, Text, value, false, $"{metric} = {Number(value)}, but {string.Join(", ", missing)} was not recorded");
        var parts = new List<string>();
        var met = true;
        foreach (var condition in conditions)
        {
            var bound = condition.Bound.Evaluate(metrics);
            var ok = condition.Op switch
            {
                "<" => value < bound,
                "<=" => value <= bound,
                ">" => value > bound,
                ">=" => value >= bound,
                _ => value == bound,
            };
            met &= ok;
            var shown = condition.Bound is Expr.Constant ? Number(bound) : $"{condition.Bound} = {Number(bound)}";
            parts.Add($"{(ok ? condition.Op : Negate(condition.Op))} {shown}");
        }
        return new TargetJudgement(metric, Text, value, met, $"{metric} = {Number(value)} {string.Join(" and ", parts)}");
    }

    private static string Negate(string op) => op switch { "<" => ">=", "<=" => ">", ">" => "<=", ">=" => "<", _ => "!=" };

    /// <summary>Four significant digits, invariant culture; whole numbers such as parameter counts in full.</summary>
    internal static string Number(double value) =>
        Math.Abs(value) >= 1e4 && Math.Abs(value) < 1e15 && value == Math.Floor(value)
            ? value.ToString("0", CultureInfo.InvariantCulture)
            : value.ToString("G4", CultureInfo.InvariantCulture);

    private sealed record Condition(string Op, Expr Bound);

    private abstract record Expr
    {
        public abstract double Evaluate(IReadOnlyDictionary<string, double> metrics);
        public abstract IEnumerable<string> Names();

        public sealed record Constant(double Value, string Text) : Expr
        {
            public override double Evaluate(IReadOnlyDictionary<string, double> metrics) => Value;
            public override IEnumerable<string> Names() => [];
            public override string ToString() => Text;
        }

        public sealed record Metric(string Name) : Expr
        {
            public override double Evaluate(IReadOnlyDictionary<string, double> metrics) => metrics[Name];
            public override IEnumerable<string> Names() => [Name];
            public override string ToString() => Name;
        }

        public sealed record Negative(Expr Operand) : Expr
        {
            public override double Evaluate(IReadOnlyDictionary<string, double> metrics) => -Operand.Evaluate(metrics);
            public override IEnumerable<string> Names() => Operand.Names();
            public override string ToString() => "-" + Operand;
        }

        public sealed record Binary(Expr Left, char Op, Expr Right, bool Parenthesised) : Expr
        {
            public override double Evaluate(IReadOnlyDictionary<string, double> metrics) => Op switch
            {
                '+' => Left.Evaluate(metrics) + Right.Evaluate(metrics),
                '-' => Left.Evaluate(metrics) - Right.Evaluate(metrics),
                '*' => Left.Evaluate(metrics) * Right.Evaluate(metrics),
                _ => Left.Evaluate(metrics) / Right.Evaluate(metrics),
            };
            public override IEnumerable<string> Names() => Left.Names().Concat(Right.Names());
            public override string ToString() => Parenthesised ? $"({Left} {Op} {Right})" : $"{Left} {Op} {Right}";
        }
    }

    /// <summary>Recursive descent over the target's text; errors say what was expected and where.</summary>
    private sealed class Parser(string text)
    {
        private int pos;

        public Condition Condition()
        {
            Skip();
            string? op = null;
            foreach (var candidate in (string[])["<=", ">=", "==", "<", ">"])
                if (string.CompareOrdinal(text, pos, candidate, 0, candidate.Length) == 0) { op = candidate; break; }
            if (op is null) throw Error("expected a comparison <, <=, >, >= or ==");
            pos += op.Length;
            return new Condition(op, Sum());
        }

        public bool Accept(string word)
        {
            Skip();
            if (string.CompareOrdinal(text, pos, word, 0, word.Length) != 0) return false;
            var end = pos + word.Length;
            if (end < text.Length && IsNameChar(text[end])) return false;
            pos = end;
            return true;
        }

        public void End()
        {
            Skip();
            if (pos < text.Length) throw Error($"unexpected '{text[pos]}'");
        }

        private Expr Sum()
        {
            var left = Product();
            while (true)
            {
                Skip();
                if (pos >= text.Length || (text[pos] != '+' && text[pos] != '-')) return left;
                var op = text[pos++];
                left = new Expr.Binary(left, op, Product(), false);
            }
        }

        private Expr Product()
        {
            var left = Factor();
            while (true)
            {
                Skip();
                if (pos >= text.Length || (text[pos] != '*' && text[pos] != '/')) return left;
                var op = text[pos++];
                left = new Expr.Binary(left, op, Factor(), false);
            }
        }

        private Expr Factor()
        {
            Skip();
            if (pos >= text.Length) throw Error("expected a number or a metric name");
            var c = text[pos];
            if (c == '-') { pos++; return new Expr.Negative(Factor()); }
            if (c == '(')
            {
                pos++;
                var inner = Sum();
                Skip();
                if (pos >= text.Length || text[pos] != ')') throw Error("expected ')'");
                pos++;
                return inner is Expr.Binary b ? b with { Parenthesised = true } : inner;
            }
            if (char.IsAsciiDigit(c) || c == '.')
            {
                var start = pos;
                while (pos < text.Length && (char.IsAsciiDigit(text[pos]) || text[pos] == '.')) pos++;
                if (pos < text.Length && (text[pos] == 'e' || text[pos] == 'E'))
                {
                    pos++;
                    if (pos < text.Length && (text[pos] == '+' || text[pos] == '-')) pos++;
                    while (pos < text.Length && char.IsAsciiDigit(text[pos])) pos++;
                }
                var literal = text[start..pos];
                if (!double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    pos = start;
                    throw Error($"'{literal}' is not a number");
                }
                return new Expr.Constant(value, literal);
            }
            if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = pos;
                while (pos < text.Length && IsNameChar(text[pos])) pos++;
                var name = text[start..pos];
                if (name == "and") { pos = start; throw Error("expected a number or a metric name before 'and'"); }
                return new Expr.Metric(name);
            }
            throw Error($"expected a number or a metric name, not '{c}'");
        }

        private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

        private void Skip()
        {
            while (pos < text.Length && char.IsWhiteSpace(text[pos])) pos++;
        }

        private FormatException Error(string message) =>
            new(pos >= text.Length ? $"{message} at the end" : $"{message} at character {pos + 1}");
    }
}
