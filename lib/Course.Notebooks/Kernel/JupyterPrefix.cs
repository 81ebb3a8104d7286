using System.Diagnostics;

namespace Course.Notebooks.Kernel;

/// <summary>The <c>sys.prefix</c> of the Python that runs Jupyter, for <c>course kernel install --sys-prefix</c>.</summary>
/// <remarks>
/// As <c>jupyter kernelspec install --sys-prefix</c> does, the kernelspec then goes to <c>sys.prefix/share/jupyter/kernels</c>,
/// which that Jupyter always searches: <c>/usr</c> for Debian's Jupyter, the environment's folder for a virtualenv or conda
/// (e.g. <c>/opt/conda</c> in the Jupyter Docker Stacks). The Python is the one named on the first line of the <c>jupyter</c>
/// command found on <c>PATH</c> (<c>#!/usr/bin/python3</c>, or <c>#!/usr/bin/env python3</c> resolved on <c>PATH</c>).
/// </remarks>
public static class JupyterPrefix
{
    /// <summary>Ask the Python behind <c>jupyter</c> on <paramref name="path"/> (a PATH value) for its <c>sys.prefix</c>.</summary>
    /// <exception cref="KernelException">No <c>jupyter</c> on the path, it is not a Python script, or Python did not answer.</exception>
    public static string Find(string? path)
    {
        var jupyter = OnPath("jupyter", path)
            ?? throw new KernelException("--sys-prefix: no `jupyter` command on PATH; install Jupyter (or activate its environment), or give --prefix DIR.");
        var python = Interpreter(jupyter, path);
        var start = new ProcessStartInfo(python, ["-c", "import sys; print(sys.prefix)"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                process.Kill();
                throw new KernelException($"--sys-prefix: {python} did not say its sys.prefix within 30 s; give --prefix DIR.");
            }
            var prefix = output.Result.Trim();
            if (process.ExitCode != 0 || !Path.IsPathRooted(prefix))
                throw new KernelException($"--sys-prefix: {python} (from {jupyter}) gave no sys.prefix; give --prefix DIR.");
            return prefix;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new KernelException($"--sys-prefix: cannot run {python} (named by {jupyter}): {e.Message}; give --prefix DIR.");
        }
    }

    /// <summary>The interpreter a script's <c>#!</c> line names, <c>env NAME</c> resolved on <paramref name="path"/>.</summary>
    private static string Interpreter(string script, string? path)
    {
        string line;
        using (var reader = new StreamReader(script))
            line = reader.ReadLine() ?? "";
        if (!line.StartsWith("#!", StringComparison.Ordinal))
            throw new KernelException($"--sys-prefix: {script} is not a Python script (no #! line), so its Python is unknown; give --prefix DIR.");
        var words = line[2..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) throw new KernelException($"--sys-prefix: {script} has an empty #! line; give --prefix DIR.");
        if (Path.GetFileName(words[0]) != "env") return words[0];
        var name = words.Skip(1).FirstOrDefault(w => !w.StartsWith('-'))
            ?? throw new KernelException($"--sys-prefix: {script}'s #! line names no program after env; give --prefix DIR.");
        return OnPath(name, path) ?? throw new KernelException($"--sys-prefix: {name} (named by {script}) is not on PATH; give --prefix DIR.");
    }

    private static string? OnPath(string name, string? path) =>
        (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(f => File.Exists(f) && (OperatingSystem.IsWindows() || IsExecutable(f)));

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static bool IsExecutable(string file) =>
        (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
