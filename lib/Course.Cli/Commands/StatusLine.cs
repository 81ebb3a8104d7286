using Course.Notebooks.Execution;
using Spectre.Console;

namespace Course.Cli.Commands;

/// <summary>The one line at the bottom of a terminal that <c>course run</c> and <c>course bench</c> rewrite as they go.</summary>
/// <remarks>Written to the real terminal (<see cref="ConsoleCapture.OriginalOut"/>), never into a notebook's output.</remarks>
internal static class StatusLine
{
    /// <summary>Replace the line with <paramref name="text"/>, cut to the terminal's width.</summary>
    public static void Draw(IAnsiConsole console, string text)
    {
        var width = Width(console);
        ConsoleCapture.OriginalOut.Write("\r" + (text.Length > width ? text[..width] : text.PadRight(width)));
        ConsoleCapture.OriginalOut.Flush();
    }

    /// <summary>Blank the line and put the cursor at its start.</summary>
    public static void Clear(IAnsiConsole console) => ConsoleCapture.OriginalOut.Write("\r" + new string(' ', Width(console)) + "\r");

    private static int Width(IAnsiConsole console) => Math.Max(20, console.Profile.Width - 1);
}
