namespace Course.Notebooks.Kernel;

/// <summary><c>Console.In</c> in the kernel: <c>Console.ReadLine()</c> asks the front end through <c>input_request</c>.</summary>
/// <remarks>
/// When the front end does not allow stdin (<c>allow_stdin: false</c>, as nbconvert runs notebooks), reading fails
/// with a message that names the fix. An interrupt cancels a pending read.
/// </remarks>
internal sealed class KernelInput(Func<string, bool, CancellationToken, string> requestLine) : TextReader
{
    private const string NotAllowed =
        "Console input is not available: this Jupyter front end does not allow input (allow_stdin is false, e.g. nbconvert). Put the value in the notebook's parameters cell instead.";

    private string pending = "";

    /// <summary>Whether the running execute_request allows stdin, and its cancellation.</summary>
    public (bool Allowed, CancellationToken Cancellation) Current { get; set; }

    public override string? ReadLine()
    {
        if (pending.Length > 0)
        {
            var rest = pending.TrimEnd('\n');
            pending = "";
            return rest;
        }
        var (allowed, cancellation) = Current;
        if (!allowed) throw new InvalidOperationException(NotAllowed);
        return requestLine("", false, cancellation);
    }

    public override int Read()
    {
        if (pending.Length == 0) pending = (ReadLine() ?? "") + "\n";
        var c = pending[0];
        pending = pending[1..];
        return c;
    }

    public override int Peek()
    {
        if (pending.Length == 0) pending = (ReadLine() ?? "") + "\n";
        return pending[0];
    }
}
