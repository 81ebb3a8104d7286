namespace Course.Interactive;

/// <summary>Shows displayed values on standard output, for library use outside a notebook.</summary>
internal sealed class ConsoleDisplaySink : IDisplaySink
{
    public static readonly ConsoleDisplaySink Instance = new();

    public void Display(DisplayHandle handle, object? value) => Console.WriteLine(value);

    public void Update(DisplayHandle handle, object? value) => Console.WriteLine(value);
}
