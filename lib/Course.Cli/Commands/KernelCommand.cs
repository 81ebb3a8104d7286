using System.CommandLine;
using Course.Notebooks.Execution;
using Course.Notebooks.Kernel;

namespace Course.Cli.Commands;

/// <summary><c>course kernel install|uninstall|list|run</c>: the Jupyter kernel and its kernelspec.</summary>
internal static class KernelCommand
{
    public static Command Create() => new("kernel", "The Jupyter kernel: install its kernelspec, list or remove kernelspecs, or run it (Jupyter does that).")
    {
        Install(), Uninstall(), List(), Run(),
    };

    private static (Option<string> Name, Option<string?> Prefix, Option<bool> User) Location()
    {
        var name = new Option<string>("--name") { Description = $"Kernelspec name (default {KernelSpec.DefaultName}, what .NET Interactive notebooks ask for)", DefaultValueFactory = _ => KernelSpec.DefaultName };
        var prefix = new Option<string?>("--prefix") { Description = "Install under PREFIX/share/jupyter/kernels (e.g. a virtualenv or a temp folder on JUPYTER_PATH)" };
        var user = new Option<bool>("--user") { Description = "Install for the current user (the default): ~/.local/share/jupyter/kernels" };
        return (name, prefix, user);
    }

    private static Command Install()
    {
        var (name, prefix, user) = Location();
        var sysPrefix = new Option<bool>("--sys-prefix") { Description = "Install under the sys.prefix of the Python that runs `jupyter` (e.g. /usr for Debian's Jupyter, the environment's folder for a virtualenv or conda)" };
        var command = new Command("install", "Write the kernelspec (kernel.json + logo) so Jupyter, VS Code and nbconvert can start this kernel.") { name, prefix, user, sysPrefix };
        command.SetAction(result => Guard(() =>
        {
            var chosen = new[] { result.GetValue(prefix) is not null, result.GetValue(user), result.GetValue(sysPrefix) }.Count(c => c);
            if (chosen > 1) throw new KernelException("--prefix, --user and --sys-prefix exclude each other; pick one.");
            var where = result.GetValue(sysPrefix) ? JupyterPrefix.Find(Environment.GetEnvironmentVariable("PATH")) : result.GetValue(prefix);
            var folder = KernelSpec.Install(result.GetValue(name)!, where, LaunchCommand());
            Console.WriteLine($"Installed kernelspec {result.GetValue(name)} in {folder}");
        }));
        return command;
    }

    private static Command Uninstall()
    {
        var (name, prefix, user) = Location();
        var command = new Command("uninstall", "Remove a kernelspec installed with `course kernel install`.") { name, prefix, user };
        command.SetAction(result => Guard(() =>
        {
            var folder = KernelSpec.Uninstall(result.GetValue(name)!, result.GetValue(prefix))
                         ?? throw new KernelException($"no kernelspec {result.GetValue(name)} in {KernelSpec.KernelsDirectory(result.GetValue(prefix))}.");
            Console.WriteLine($"Removed {folder}");
        }));
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List the kernelspecs Jupyter would find (user folder, JUPYTER_PATH, system folders).");
        command.SetAction(_ => Guard(() =>
        {
            var specs = KernelSpec.List();
            if (specs.Count == 0) Console.WriteLine($"No kernelspecs found (looked in {KernelSpec.UserDataDirectory}, JUPYTER_PATH, /usr/local/share/jupyter, /usr/share/jupyter). Run `course kernel install`.");
            foreach (var (name, folder, display) in specs) Console.WriteLine($"{name,-20} {display,-20} {folder}");
        }));
        return command;
    }

    private static Command Run()
    {
        var file = new Option<string>("--connection-file", "-f") { Description = "The connection file Jupyter writes", Required = true };
        var command = new Command("run", "Serve the Jupyter messaging protocol 5.3 for one client (Jupyter starts this with -f {connection_file}).") { file };
        command.SetAction(async (result, cancellation) =>
        {
            try
            {
                var connection = ConnectionInfo.Load(result.GetValue(file)!);
                using var server = new KernelServer(connection, Environment.CurrentDirectory, ConsoleCapture.OriginalError);
                return await server.RunAsync(cancellation);
            }
            catch (KernelException e)
            {
                ConsoleCapture.OriginalError.WriteLine("course kernel: " + e.Message);
                return 2;
            }
        });
        return command;
    }

    /// <summary>argv that starts this course CLI: the dotnet host and the absolute path of Course.Cli.dll.</summary>
    private static string[] LaunchCommand()
    {
        var dll = typeof(KernelCommand).Assembly.Location;
        var host = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        return [host, dll];
    }

    private static int Guard(Action action)
    {
        try
        {
            action();
            return 0;
        }
        catch (Exception e) when (e is KernelException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("course kernel: " + e.Message);
            return 2;
        }
    }
}
