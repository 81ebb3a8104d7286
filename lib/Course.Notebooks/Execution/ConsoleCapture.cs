using System.Text;

namespace Course.Notebooks.Execution;

/// <summary>Routes <c>Console.Out</c>, <c>Console.Error</c> and <c>Console.In</c> to the running cell of each notebook.</summary>
/// <remarks>
/// <see cref="Install"/> replaces the console's writers and reader once per process. Where each write goes
/// belongs to the execution context: <see cref="Redirect"/> sets it for the calling async flow (a cell and the
/// tasks it starts), so notebooks running at once in one process each get their own output. Outside any
/// redirection, writes go to the real terminal, which front ends (the CLI's progress display) also reach
/// through <see cref="OriginalOut"/>, and reading fails with a message that names the parameters cell.
/// </remarks>
public static class ConsoleCapture
{
    private static readonly object gate = new();
    private static readonly AsyncLocal<Target?> current = new();
    private static bool installed;

    /// <summary>The process's real standard output, before capture.</summary>
    public static TextWriter OriginalOut { get; private set; } = Console.Out;

    /// <summary>The process's real standard error, before capture.</summary>
    public static TextWriter OriginalError { get; private set; } = Console.Error;

    /// <summary>The process's real standard input, before capture (the grade worker reads its requests here).</summary>
    public static TextReader OriginalIn { get; private set; } = Console.In;

    /// <summary>Replace the console writers and reader (idempotent).</summary>
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
            Console.SetIn(new RoutingReader());
            installed = true;
        }
    }

    /// <summary>
    /// In the calling execution context, send console text to <paramref name="sink"/> (stream name, text) and read
    /// <c>Console.In</c> from <paramref name="input"/> (none: reading fails with a clear message), until the result is disposed.
    /// </summary>
    public static IDisposable Redirect(Action<string, string> sink, TextReader? input = null)
    {
        Install();
        var previous = current.Value;
        var target = new Target(sink, input);
        current.Value = target;
        return new Restore(target, previous);
    }

    /// <summary>One redirection: its sink, its input and the text not yet ended by a newline, per stream.</summary>
    private sealed class Target(Action<string, string> sink, TextReader? input)
    {
        public readonly Action<string, string> Sink = sink;
        public readonly TextReader? Input = input;
        public readonly Dictionary<string, StringBuilder> Pending = new(StringComparer.Ordinal);
        public bool Closed;

        /// <summary>Append <paramref name="text"/> to <paramref name="name"/>'s buffer; hand it on when it ends a line (or always, with <paramref name="flush"/>).</summary>
        public void Write(string name, string text, bool flush)
        {
            string? ready = null;
            lock (Pending)
            {
                if (!Pending.TryGetValue(name, out var buffer)) Pending[name] = buffer = new StringBuilder();
                buffer.Append(text);
                if ((flush || text.EndsWith('\n')) && buffer.Length > 0)
                {
                    ready = buffer.ToString();
                    buffer.Clear();
                }
            }
            if (ready is not null) Sink(name, ready);
        }

        public void FlushAll()
        {
            foreach (var name in new[] { "stdout", "stderr" }) Write(name, "", flush: true);
        }
    }

    private sealed class Restore(Target target, Target? previous) : IDisposable
    {
        public void Dispose()
        {
            target.FlushAll();
            target.Closed = true;
            current.Value = previous;
        }
    }

    /// <summary>The writer installed as <c>Console.Out</c>/<c>Console.Error</c>: to the context's target, else to the terminal.</summary>
    private sealed class RoutingWriter(string name, TextWriter fallback) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => Write(value.ToString());

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void Write(string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            if (current.Value is { Closed: false } target) target.Write(name, value, flush: false);
            else
            {
                fallback.Write(value);
                fallback.Flush();
            }
        }

        public override void Flush()
        {
            if (current.Value is { Closed: false } target) target.Write(name, "", flush: true);
            else fallback.Flush();
        }
    }

    /// <summary>The reader installed as <c>Console.In</c>: the context's input, else a clear error (notebooks run without a terminal).</summary>
    private sealed class RoutingReader : TextReader
    {
        private const string Message =
            "Console input is not available here: this cell runs without a terminal. Put the value in the notebook's parameters cell instead.";

        private static TextReader Input => current.Value?.Input ?? throw new InvalidOperationException(Message);

        public override int Peek() => Input.Peek();

        public override int Read() => Input.Read();

        public override string? ReadLine() => Input.ReadLine();
    }
}
