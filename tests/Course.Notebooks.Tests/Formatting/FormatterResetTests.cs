using Course.Notebooks.Formatting;
using Microsoft.DotNet.Interactive.Formatting;

namespace Course.Notebooks.Tests.Formatting;

/// <summary>Tests that change the formatter for the whole process.</summary>
[Collection(nameof(ProcessWide))]
public class FormatterResetTests
{
    public sealed record Money(decimal Amount);

    [Fact]
    public void ResetToDefaultForgetsRegistrations()
    {
        Formatter.Register<Money>(m => $"{m.Amount} EUR");
        Formatter.ResetToDefault();
        Assert.Equal("Money { Amount = 2 }", new Money(2).ToDisplayString());
    }

    [Fact]
    public void ALongSequenceShowsTheListExpansionLimitThenHowManyMore()
    {
        Formatter.ListExpansionLimit = 3;
        try
        {
            var bundle = DisplayBundle.For(Enumerable.Range(1, 10).ToList());
            Assert.Equal("[ 1, 2, 3, … ]", bundle["text/plain"]);
            Assert.Contains("<tr><td colspan=\"2\"><i>(7 more)</i></td></tr>", bundle["text/html"]);
            Assert.Equal(3, bundle["text/html"].Split("<tr><td>").Length - 1);
        }
        finally
        {
            Formatter.ListExpansionLimit = 20;
        }
    }
}
