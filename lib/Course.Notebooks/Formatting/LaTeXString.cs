namespace Microsoft.DotNet.Interactive.Formatting;

/// <summary>LaTeX shown as <c>text/latex</c>, as in .NET Interactive: <c>(LaTeXString)@"\frac{1}{2}"</c>.</summary>
public sealed class LaTeXString(string latex)
{
    private readonly string latex = latex ?? throw new ArgumentNullException(nameof(latex));

    /// <summary>Wrap <paramref name="latex"/>.</summary>
    public static implicit operator LaTeXString(string latex) => new(latex);

    /// <summary>The LaTeX source.</summary>
    public override string ToString() => latex;
}
