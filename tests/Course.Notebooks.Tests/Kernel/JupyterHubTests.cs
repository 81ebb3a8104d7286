using System.Diagnostics;
using Course.Notebooks.Tests.Support;
using Xunit.Abstractions;

namespace Course.Notebooks.Tests.Kernel;

/// <summary>Issue 19: the course kernel under Debian's real JupyterHub, for two system users at once (scripts/drive_hub.py).</summary>
/// <remarks>
/// The hub (dummy authenticator, local process spawner) runs on loopback with free ports; each user logs in through the REST
/// API, gets a single-user server running as that user, opens a course notebook through the contents API and drives a
/// <c>.net-csharp</c> kernel over its websocket (the notebook's setup cell, three epochs of training, a Plotly chart).
/// The kernelspec lives in a temporary prefix on <c>JUPYTER_PATH</c>, never in /usr/local. About 21 CPU-seconds (16 of them in the hub, servers and kernels), 45 s on a busy 2-core machine.
/// </remarks>
public class JupyterHubTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void TwoUsersGetTheirOwnServersKernelsAndFoldersAndNothingOutlivesTheHub()
    {
        DebianTool.JupyterHub.Require();
        Skip.IfNot(Environment.UserName == "root", "the JupyterHub test creates system users and spawns servers as them: run it as root (.ci/run does)");

        using var folder = new TempFolder();
        File.SetUnixFileMode(folder.Path, (UnixFileMode)0b111_101_101);   // the users' servers read the kernelspec here
        var install = CourseCli.Run(folder.Path, "kernel", "install", "--prefix", folder.Path);
        Assert.True(install.ExitCode == 0, install.Error);
        var homes = Directory.CreateDirectory(folder.File("homes")).FullName;

        var suffix = Guid.NewGuid().ToString("N")[..6];
        string[] users = [$"chub{suffix}a", $"chub{suffix}b"];
        var created = new List<string>();
        try
        {
            foreach (var user in users)
            {
                Command("/usr/sbin/useradd", "-m", "-b", homes, "-K", "HOME_MODE=0700", "-s", "/usr/sbin/nologin", user);
                created.Add(user);
            }
            var result = Jupyter.Run(folder, TimeSpan.FromSeconds(300), Jupyter.Python,
                [Script("drive_hub.py"), folder.Path, Path.Combine(Support.Notebooks.RepoRoot, "notebooks", "00-setup.ipynb"), users[0], users[1],
                 Guid.NewGuid().ToString("N")],
                ("COURSE_DATA", Path.Combine(Support.Notebooks.RepoRoot, "datasets", "mnist")));
            output.WriteLine(result.Out);
            output.WriteLine(result.Error);
            Assert.True(result.ExitCode == 0 && result.Out.Contains("ALL OK"), $"drive_hub.py exited {result.ExitCode}:\n{result.Out}\n{result.Error}");
            foreach (var user in users) Assert.Empty(ProcessesOf(user));
        }
        finally
        {
            foreach (var user in created)
            {
                foreach (var pid in ProcessesOf(user)) TryKill(pid);
                Command("/usr/sbin/userdel", "-r", user);
            }
        }
    }

    private static string Script(string name) => Path.Combine(Support.Notebooks.RepoRoot, "tests", "Course.Notebooks.Tests", "Kernel", "scripts", name);

    /// <summary>PIDs of the processes a system user owns, read from /proc.</summary>
    private static List<int> ProcessesOf(string user)
    {
        var uid = UidOf(user);
        var pids = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var status = File.ReadLines(Path.Combine(dir, "status")).FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
                if (status?.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1] == uid) pids.Add(pid);
            }
            catch (IOException) { }   // the process ended while we looked
        }
        return pids;
    }

    private static string UidOf(string user) =>
        File.ReadLines("/etc/passwd").Select(l => l.Split(':')).First(f => f[0] == user)[2];

    private static void TryKill(int pid)
    {
        try { Process.GetProcessById(pid).Kill(); } catch (ArgumentException) { } catch (InvalidOperationException) { }
    }

    private static void Command(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(file)} {string.Join(' ', args)} exited {process.ExitCode}: {error.Result}");
    }
}
