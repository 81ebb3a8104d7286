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
};
return await root.Parse(args).InvokeAsync();
