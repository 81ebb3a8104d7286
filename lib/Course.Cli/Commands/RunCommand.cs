using System.CommandLine;
using Course.Notebooks.Running;
using Course.Notebooks.Targets;

namespace Course.Cli.Commands;

/// <summary><c>course run PATH… [--out DIR] [-p name=value]… [--targets default|test | --no-targets] [--allow-errors]</c>: execute notebooks, judge their targets, build the web book.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("path") { Description = "Notebooks or folders of notebooks (e.g. notebooks)", Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<string>("--out", "-o") { Description = "Output folder for executed notebooks, pages, index.html, metrics.json", DefaultValueFactory = _ => "out" };
        var parameters = new Option<string[]>("--parameter", "-p") { Description = "Override a variable of the cell tagged 'parameters': -p numEpochs=2", AllowMultipleArgumentsPerToken = false };
        var noBook = new Option<bool>("--no-book") { Description = "Write executed notebooks and metrics only, no HTML" };
        var noTargets = new Option<bool>("--no-targets") { Description = "Do not judge the notebooks' learning targets (for experimenting)" };
        var targets = new Option<string>("--targets")
        {
            Description = "Judge by the notebooks' default or test targets; without it: test targets when -p gives every test parameter its test value",
        };
        targets.AcceptOnlyFromAmong("default", "test");
        var allowErrors = new Option<bool>("--allow-errors")
        {
            Description = "Run every cell even after one failed (as nbconvert's --allow-errors); the exit code still says which notebooks had errors",
        };
        var command = new Command("run", "Execute notebooks (never modifying them) and write the executed copies and the web book.")
        {
            paths, outDir, parameters, noBook, noTargets, targets, allowErrors,
        };
        command.SetAction(async (result, cancellation) =>
        {
            var progress = new TerminalProgress();
            try
            {
                var overrides = NotebookParameters.Parse(result.GetValue(parameters) ?? []);
                TargetSet? set = result.GetValue(targets) switch { "default" => TargetSet.Default, "test" => TargetSet.Test, _ => null };
                var options = new RunOptions(result.GetValue(outDir)!, overrides, !result.GetValue(noBook), !result.GetValue(noTargets), set, result.GetValue(allowErrors));
                var runs = await new CourseRunner(options, progress).RunAsync(result.GetValue(paths)!, cancellation);
                progress.Summary(runs, Path.GetFullPath(result.GetValue(outDir)!));
                return runs.All(r => r.Succeeded && r.TargetsMet) ? 0 : 1;
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
