using System.CommandLine;
using Course.Cli.Commands;
using Course.Notebooks.Execution;

// The `course` command: one verb per file in Commands/ (DESIGN.md, "CLI").
ConsoleCapture.Install();
var root = new RootCommand("Deep Learning in C#: run the course notebooks, build the web book, grade exercises.")
{
    RunCommand.Create(),
    KernelCommand.Create(),
    ReleaseCommand.Create(),
    GradeCommand.Create(),
    GradeCommand.CreateWorker(),
    GradebookCommand.Create(),
    BenchCommand.Create(),
};
var parsed = root.Parse(args);
var exitCode = await parsed.InvokeAsync();
return parsed.Errors.Count > 0 ? 2 : exitCode; // bad input (unknown option, value that is not a number) exits 2, like the verbs' own checks
