using Course.Notebooks.Document;
using Course.Notebooks.Running;
using Course.Notebooks.Tests.Support;

namespace Course.Notebooks.Tests.Running;

/// <summary>Two notebooks run at the same time in one process: each sees only its own output, displays, metrics and folder.</summary>
public class ConcurrentRunsTests
{
    /// <summary>A notebook that meets the other one inside its cell (so they surely overlap), then writes, displays and records as <paramref name="name"/>.</summary>
    private static NotebookDocument Notebook(string name, int factor, string rendezvous) => Support.Notebooks.Of(
        "#r \"nuget: Course\"",
        $$"""
        var meeting = (Barrier)AppContext.GetData("{{rendezvous}}")!;
        if (!meeting.SignalAndWait(TimeSpan.FromSeconds(60))) throw new TimeoutException("the other notebook never came");
        for (var i = 1; i <= 20; i++)
        {
            Console.WriteLine($"{{name}} line {i}");
            Console.Error.WriteLine($"{{name}} warning {i}");
            Course.Metrics.Record("step", i * {{factor}});
            display($"{{name}} shows {i}");
            await Task.Delay(2);
        }
        Course.Metrics.Record("{{name}}_only", {{factor}});
        meeting.SignalAndWait(TimeSpan.FromSeconds(60));
        """,
        "await Task.Run(() => Console.WriteLine(Course.Interactive.Notebook.WorkingDirectory));");

    [Fact]
    public async Task TwoNotebooksRunningAtOnceKeepTheirOwnOutputsMetricsAndFolders()
    {
        using var folder = new TempFolder();
        var rendezvous = "course-test-" + Guid.NewGuid().ToString("N");
        using var meeting = new Barrier(2);
        AppContext.SetData(rendezvous, meeting);
        var sources = new[] { ("alpha", 1), ("beta", 100) }.Select(n =>
        {
            var home = Directory.CreateDirectory(folder.File(n.Item1)).FullName;
            var source = Path.Combine(home, n.Item1 + ".ipynb");
            Notebook(n.Item1, n.Item2, rendezvous).Save(source);
            return (Name: n.Item1, Factor: n.Item2, Home: home, Source: source);
        }).ToList();

        var runs = await Task.WhenAll(sources.Select(s =>
            Task.Run(async () => Assert.Single(await new CourseRunner(new RunOptions(folder.File("out-" + s.Name), WriteBook: false)).RunAsync([s.Source])))));

        foreach (var ((name, factor, home, _), run) in sources.Zip(runs))
        {
            Assert.True(run.Succeeded, run.Error);
            var other = name == "alpha" ? "beta" : "alpha";
            var work = run.Executed!.Cells.Where(c => c.Type == CellType.Code).ElementAt(1).Outputs;
            var stdout = string.Concat(work.OfType<StreamOutput>().Where(s => s.Name == "stdout").Select(s => s.Text));
            var stderr = string.Concat(work.OfType<StreamOutput>().Where(s => s.Name == "stderr").Select(s => s.Text));
            Assert.Equal(string.Concat(Enumerable.Range(1, 20).Select(i => $"{name} line {i}\n")), stdout);
            Assert.Equal(string.Concat(Enumerable.Range(1, 20).Select(i => $"{name} warning {i}\n")), stderr);
            Assert.Equal(Enumerable.Range(1, 20).Select(i => $"{name} shows {i}"),
                work.OfType<DisplayDataOutput>().Select(d => d.Data[MimeTypes.PlainText]));
            Assert.Equal(new Dictionary<string, double> { ["step"] = 20 * factor, [$"{name}_only"] = factor }, run.Metrics);
            Assert.DoesNotContain(other, string.Concat(run.Executed.Cells.SelectMany(c => c.Outputs).OfType<StreamOutput>().Select(s => s.Text)));
            var last = Assert.IsType<StreamOutput>(Assert.Single(run.Executed.Cells.Last().Outputs));
            Assert.Equal(home + "\n", last.Text);
        }
        Assert.DoesNotContain(Course.Metrics.Snapshot().Keys, k => k is "step" or "alpha_only" or "beta_only");
    }
}
