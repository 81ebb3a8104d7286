using System.Diagnostics;

namespace Course.Notebooks.Tests.Support;

/// <summary>Installs the Debian packages a test needs when they are missing, so `dotnet test` alone works on a fresh machine.</summary>
/// <remarks>Only as root with apt-get available (machines of this kind); otherwise the caller's check fails with its own message.</remarks>
public static class DebianPackages
{
    private static readonly object gate = new();
    private static readonly HashSet<string> tried = [];

    /// <summary>Try once per process to install <paramref name="packages"/>; returns apt-get's output for diagnostics.</summary>
    public static string TryInstall(params string[] packages)
    {
        lock (gate)
        {
            var key = string.Join(' ', packages);
            if (!tried.Add(key) || !File.Exists("/usr/bin/apt-get") || Environment.UserName != "root") return "";
            var script = $"(apt-get update -qq || true) && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq {key}";
            var start = new ProcessStartInfo("/bin/sh", ["-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.Environment["TMPDIR"] = Directory.CreateTempSubdirectory("apt-").FullName;
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit(TimeSpan.FromMinutes(10));
            return stderr.Result;
        }
    }
}
