using System.Diagnostics;
using System.Globalization;

namespace Course.Notebooks.Benchmark;

/// <summary>The resident set size of this process: the memory it occupies in RAM, native allocations included.</summary>
/// <remarks>Reads <c>VmRSS</c> from <c>/proc/self/status</c> on Linux, <see cref="Process.WorkingSet64"/> elsewhere.</remarks>
public static class ResidentMemory
{
    /// <summary>The current resident set size in MB (2²⁰ bytes).</summary>
    public static double Megabytes()
    {
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            foreach (var line in File.ReadLines(status))
            {
                if (!line.StartsWith("VmRSS:", StringComparison.Ordinal)) continue;
                var kilobytes = line["VmRSS:".Length..].Trim().Split(' ')[0];                  // "VmRSS:   123456 kB"
                return long.Parse(kilobytes, CultureInfo.InvariantCulture) / 1024.0;
            }
        }
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64 / (1024.0 * 1024.0);
    }
}
