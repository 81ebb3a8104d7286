namespace Microsoft.DotNet.Interactive.Formatting;

/// <summary>A math formula shown as display math (<c>text/latex</c> between <c>$$</c>), as in .NET Interactive: <c>(MathString)@"a^2 + b^2 = c^2"</c>.</summary>
public sealed class MathString(string math)
{
    private readonly string math = math ?? throw new ArgumentNullException(nameof(math));

    /// <summary>Wrap <paramref name="math"/>.</summary>
    public static implicit operator MathString(string math) => new(math);

    /// <summary>The formula without delimiters.</summary>
    public override string ToString() => math;
}
