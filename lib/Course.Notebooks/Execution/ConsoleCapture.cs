using System.Text;

namespace Course.Notebooks.Execution;

/// <summary>Routes <c>Console.Out</c>/<c>Console.Error</c> to the running cell's stream outputs.</summary>
/// <remarks>
/// Installed once per process. Outside a cell, writes go to the real terminal, which front ends
/// (the CLI's progress display) reach through <see cref="OriginalOut"/>.
/// </remarks>
public static class ConsoleCapture
{
    private static readonly object gate = new();
    private static bool installed;
    private static Action<string, string>? target;

    /// <summary>The process's real standard output, before capture.</summary>
    public static TextWriter OriginalOut { get; private set; } = Console.Out;

    /// <summary>The process's real standard error, before capture.</summary>
    public static TextWriter OriginalError { get; private set; } = Console.Error;

    /// <summary>The process's real standard input, before capture (the grade worker reads its requests here).</summary>
    public static TextReader OriginalIn { get; private set; } = Console.In;

    /// <summary>Replace the console writers (idempotent).</summary>
    public static void Install()
    {
        lock (gate)
        {
            if (installed) return;
            OriginalOut = Console.Out;
            OriginalError = Console.Error;
            OriginalIn = Console.In;
            Console.SetOut(new RoutingWriter("stdout", OriginalOut));
            Console.SetError(new RoutingWriter("stderr", OriginalError));
            Console.SetIn(new NoInputReader());
            installed = true;
        }
    }

    /// <summary>Send console text to <paramref name="sink"/> (stream name, text) until the result is disposed.</summary>
    public static IDisposable Redirect(Action<string, string> sink)
    {
        Install();
        lock (gate) target = sink;
        return new Restore();
    }

    private sealed class Restore : IDisposable
    {
        public void Dispose()
        {
            Console.Out.Flush();
            Console.Error.Flush();
            lock (gate) target = null;
        }
    }

    private sealed class RoutingWriter(string name, TextWriter fallback) : TextWriter
    {
        private readonly StringBuilder pending = new();

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (pending)
            {
                pending.Append(value);
                if (value == '\n') Flush();
            }
        }

        public override void Write(string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            lock (pending)
            {
                pending.Append(value);
                Flush();
            }
        }

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void Flush()
        {
            string text;
            lock (pending)
            {
                if (pending.Length == 0) return;
                text = pending.ToString();
                pending.Clear();
            }
            Action<string, string>? sink;
            lock (gate) sink = target;
            if (sink is null)
            {
                fallback.Write(text);
                fallback.Flush();
            }
            else sink(name, text);
        }
    }

    /// <summary>Notebooks run without a terminal: reading input fails with a clear message.</summary>
    private sealed class NoInputReader : TextReader
    {
        private const string Message =
            "Console input is not available here: this cell runs without a terminal. Put the value in the notebook's parameters cell instead.";

        public override int Peek() => throw new InvalidOperationException(Message);

        public override int Read() => throw new InvalidOperationException(Message);

        public override string ReadLine() => throw new InvalidOperationException(Message);
    }
}
