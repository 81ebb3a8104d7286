using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Course.Notebooks.Packages;

/// <summary>Runs <c>dotnet restore</c> on a <see cref="RestoreProject"/> as a child process.</summary>
/// <remarks>
/// The project's folder is in the per-user cache, so the user's NuGet.Config (<c>~/.nuget/NuGet/NuGet.Config</c>) applies
/// and no <c>Directory.Build.props</c> or central package versions from folders around it do. No build server or MSBuild
/// node outlives the restore. Cancelling (a kernel interrupt) or the timeout kills the whole process tree.
/// </remarks>
internal static class DotnetRestore
{
    /// <summary>The <c>dotnet</c> of the running runtime (<c>&lt;root&gt;/shared/Microsoft.NETCore.App/&lt;version&gt;/</c> → <c>&lt;root&gt;/dotnet</c>), else <c>$DOTNET_HOST_PATH</c>, else <c>dotnet</c> on the PATH.</summary>
    public static string LocateDotnet()
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location);
        if (runtime is not null)
        {
            var beside = Path.GetFullPath(Path.Combine(runtime, "..", "..", "..", OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"));
            if (File.Exists(beside)) return beside;
        }
        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
    }

    /// <summary>Restore <paramref name="project"/>; the exit code and what the command printed.</summary>
    /// <exception cref="PackageRestoreException"><paramref name="dotnet"/> cannot be started, or the restore timed out.</exception>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string dotnet, string project, string? configFile, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, string what, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(project)!,
        };
        foreach (var argument in (string[])["restore", project, "--disable-build-servers", "-nologo", "-v:q", "-tl:off",
                     "-p:ImportDirectoryBuildProps=false", "-p:ImportDirectoryBuildTargets=false", "-p:ImportDirectoryPackagesProps=false"])
            start.ArgumentList.Add(argument);
        if (configFile is not null)
        {
            start.ArgumentList.Add("--configfile");
            start.ArgumentList.Add(configFile);
        }
        // A host started by `dotnet run`/`dotnet test` carries the SDK's MSBuild settings; the child picks its own.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var (name, value) in environment) start.Environment[name] = value;

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception();
        }
        catch (Win32Exception e)
        {
            throw new PackageRestoreException($"{what}: restoring a package needs the .NET SDK's dotnet command, which did not start ({dotnet}: {e.Message}); install the .NET SDK or use only the packages the engine ships.");
        }
        using (process)
        {
            process.StandardInput.Close();
            var output = new StringBuilder();
            var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            deadline.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                await process.WaitForExitAsync(CancellationToken.None);
                cancellation.ThrowIfCancellationRequested();
                throw new PackageRestoreException($"{what}: dotnet restore took longer than {(timeout.TotalMinutes >= 1 ? $"{timeout.TotalMinutes:0.#} minutes" : $"{timeout.TotalSeconds:0.#} s")} and was stopped; check the network and the sources in NuGet.Config.");
            }
            output.Append(await stdout).Append(await stderr);
            return (process.ExitCode, output.ToString());
        }
    }
}
