using System.CommandLine;
using Course.Notebooks.Grading;

namespace Course.Cli.Commands;

/// <summary><c>course gradebook merge A B … --out FILE</c>: join the gradebooks of a batch's shards into the gradebook of one run.</summary>
internal static class GradebookCommand
{
    public static Command Create()
    {
        var books = new Argument<string[]>("gradebooks") { Description = "Every shard's gradebook (the .json course grade --shard wrote, or the .csv beside it)", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out", "-o") { Description = "The merged gradebook: FILE.csv, with FILE.json beside it", Required = true };
        var merge = new Command("merge", "Join shard gradebooks (course grade --shard I/N) into the gradebook one run would have written; refuses shards that overlap, are missing or were graded differently.")
        {
            books, output,
        };
        merge.SetAction(result =>
        {
            try
            {
                var inputs = result.GetValue(books)!;
                var target = Gradebook.Files(result.GetValue(output)!);
                var read = inputs.Select(Gradebook.Files).ToList();
                if (read.FirstOrDefault(r => Same(r.Csv, target.Csv) || Same(r.Json, target.Json)) is { Json: { } clash })
                    throw new ArgumentException($"--out {result.GetValue(output)} would overwrite the gradebook {clash}; choose another file");
                if (Path.GetDirectoryName(Path.GetFullPath(target.Csv)) is { } folder && !Directory.Exists(folder))
                    throw new ArgumentException($"--out {result.GetValue(output)}: the folder {folder} does not exist; create it or choose another file");
                var merged = Gradebook.Merge([.. inputs.Select(i => (i, Gradebook.Load(i)))]);
                var (csv, json) = merged.Save(target.Csv);
                Console.WriteLine($"merged {inputs.Length} gradebook{(inputs.Length == 1 ? "" : "s")}, {merged.Rows.Count} submissions: {csv} ({json})");
                return 0;
            }
            catch (Exception e) when (e is GradebookException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"course gradebook merge: {e.Message}");
                return 2;
            }
        });
        return new Command("gradebook", "Work with gradebooks written by course grade.") { merge };
    }

    private static bool Same(string a, string b) => string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);
}
