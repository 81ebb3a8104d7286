using System.CommandLine;
using Course.Notebooks.Running;

namespace Course.Cli.Commands;

/// <summary><c>course run PATH… [--out DIR] [-p name=value]…</c>: execute notebooks and build the web book.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("path") { Description = "Notebooks or folders of notebooks (e.g. notebooks)", Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<string>("--out", "-o") { Description = "Output folder for executed notebooks, pages, index.html, metrics.json", DefaultValueFactory = _ => "out" };
        var parameters = new Option<string[]>("--parameter", "-p") { Description = "Override a variable of the cell tagged 'parameters': -p numEpochs=2", AllowMultipleArgumentsPerToken = false };
        var noBook = new Option<bool>("--no-book") { Description = "Write executed notebooks and metrics only, no HTML" };
        var command = new Command("run", "Execute notebooks (never modifying them) and write the executed copies and the web book.")
        {
            paths, outDir, parameters, noBook,
        };
        command.SetAction(async (result, cancellation) =>
        {
            var progress = new TerminalProgress();
            try
            {
                var overrides = NotebookParameters.Parse(result.GetValue(parameters) ?? []);
                var runner = new CourseRunner(new RunOptions(result.GetValue(outDir)!, overrides, !result.GetValue(noBook)), progress);
                var runs = await runner.RunAsync(result.GetValue(paths)!, cancellation);
                progress.Summary(runs, Path.GetFullPath(result.GetValue(outDir)!));
                return runs.All(r => r.Succeeded) ? 0 : 1;
            }
            catch (Exception e) when (e is RunException or ArgumentException)
            {
                progress.Fail(e.Message);
                return 2;
            }
        });
        return command;
    }
}
