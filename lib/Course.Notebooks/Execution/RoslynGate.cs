namespace Course.Notebooks.Execution;

/// <summary>One Roslyn compilation of notebook cells at a time in this process; what the compiled code does runs outside it.</summary>
/// <remarks>
/// Measured here: three threads reading the cells of 10-vae at once from a cold start (each its own
/// <see cref="CellCompiler"/>, no state shared in this engine) failed 2 times in 3 with spurious overload errors such as
/// "cannot convert from 'double[]' to 'TorchSharp.BFloat16'", and in a test run with a Tensor bound to two TorchSharp
/// references; one at a time they never did. Roslyn shares the metadata symbols of the same assemblies between
/// compilations and fills them in lazily, which is where concurrent cold compilations collide. Compiling a cell takes
/// milliseconds to a second; running it takes the time, so serialising only the compile step costs little. Used by the
/// engine (each cell) and the grader (reading the key's and the submissions' cells).
/// </remarks>
internal static class RoslynGate
{
    /// <summary>Held while a cell is compiled or a compilation is queried.</summary>
    public static readonly Lock Compiling = new();
}
