using System.CommandLine;
using Course.Notebooks.Document;
using Course.Notebooks.Grading;
using Course.Notebooks.Running;

namespace Course.Cli.Commands;

/// <summary><c>course release PATH… --out DIR</c>: student copies without solutions or hidden tests.</summary>
internal static class ReleaseCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("path") { Description = "Instructor notebooks or folders", Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<string>("--out", "-o") { Description = "Folder for the student copies", Required = true };
        var command = new Command("release", "Write student copies: solutions replaced, hidden tests removed, outputs cleared.") { paths, outDir };
        command.SetAction(result =>
        {
            try
            {
                var notebooks = CourseRunner.Resolve(result.GetValue(paths)!);
                var target = OutputFolder.Prepare(result.GetValue(outDir)!, notebooks, "student copies");
                foreach (var path in notebooks)
                {
                    var student = Release.Make(NotebookDocument.Load(path), Path.GetFileName(path));
                    var file = Path.Combine(target, Path.GetFileName(path));
                    student.Save(file);
                    Console.WriteLine($"released {Path.GetFileName(path)} → {file}");
                }
                return 0;
            }
            catch (Exception e) when (e is RunException or NotebookFormatException or IOException)
            {
                Console.Error.WriteLine($"course release: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
