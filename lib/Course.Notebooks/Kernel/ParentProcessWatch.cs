using System.Globalization;

namespace Course.Notebooks.Kernel;

/// <summary>Notices when the process that started the kernel exits (Jupyter died without a shutdown), so the kernel does not linger.</summary>
internal static class ParentProcessWatch
{
    /// <summary>Call <paramref name="onExit"/> once the current parent process is gone; null where that cannot be watched (not Linux, or no parent).</summary>
    public static IDisposable? Start(Action<int> onExit)
    {
        if (!OperatingSystem.IsLinux()) return null;
        var parent = ParentProcessId();
        if (parent <= 1) return null;
        return new Timer(_ =>
        {
            if (ParentProcessId() != parent) onExit(parent);
        }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    private static int ParentProcessId()
    {
        try
        {
            var stat = File.ReadAllText("/proc/self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
        {
            return -1;
        }
    }
}
