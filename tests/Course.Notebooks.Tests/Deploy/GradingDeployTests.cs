using System.Diagnostics;
using System.Text.RegularExpressions;
using Course.Notebooks.Grading;
using YamlDotNet.RepresentationModel;

namespace Course.Notebooks.Tests.Deploy;

/// <summary>deploy/grading/: the Kubernetes Jobs parse and hand each pod its shard; the Slurm scripts parse and do the same with the array.</summary>
public class GradingDeployTests
{
    private static string File(string name) => Path.Combine(Support.Notebooks.RepoRoot, "deploy", "grading", name);

    private static YamlMappingNode Load(string name)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(File(name));
        stream.Load(reader);
        return (YamlMappingNode)Assert.Single(stream.Documents).RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] path) =>
        path.Aggregate(node, (n, key) => int.TryParse(key, out var i) ? ((YamlSequenceNode)n).Children[i] : ((YamlMappingNode)n).Children[new YamlScalarNode(key)]);

    private static string Text(YamlNode node, params string[] path) => ((YamlScalarNode)At(node, path)).Value!;

    [Fact]
    public void TheIndexedJobGivesPodKShardKPlusOneOfAsManyAsItsCompletions()
    {
        var job = Load("grade-job.yaml");
        Assert.Equal(("batch/v1", "Job", "Indexed"), (Text(job, "apiVersion"), Text(job, "kind"), Text(job, "spec", "completionMode")));
        var container = At(job, "spec", "template", "spec", "containers", "0");
        Assert.Equal(Text(job, "spec", "completions"), Text(container, "env", "0", "value"));
        Assert.Equal("SHARDS", Text(container, "env", "0", "name"));
        var command = Text(container, "args", "0");
        Assert.Contains("course grade ", command);
        Assert.Contains("--shard $((JOB_COMPLETION_INDEX + 1))/$SHARDS", command);
        Assert.Equal("Never", Text(job, "spec", "template", "spec", "restartPolicy"));
        // Every pod's shard, as the shell computes it from its index, is one the CLI accepts, and together they cover the class.
        var shards = Enumerable.Range(0, int.Parse(Text(job, "spec", "completions"))).Select(k => Shard.Parse($"{k + 1}/{Text(container, "env", "0", "value")}")).ToList();
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"s{i}"), shards.SelectMany(s => s.Of(Enumerable.Range(0, 10).Select(i => $"s{i}").ToList())).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheMergeJobJoinsTheSameShards()
    {
        var merge = Load("merge-job.yaml");
        var container = At(merge, "spec", "template", "spec", "containers", "0");
        Assert.Equal(Text(At(Load("grade-job.yaml"), "spec", "template", "spec", "containers", "0"), "env", "0", "value"), Text(container, "env", "0", "value"));
        Assert.Contains("course gradebook merge /class/submissions/gradebook.shard-*-of-$SHARDS.json --out ", Text(container, "args", "0"));
    }

    [Fact]
    public void TheSlurmScriptsParseAndTheArrayIsTheShardCount()
    {
        var grade = System.IO.File.ReadAllText(File("grade.slurm"));
        Assert.Matches(@"#SBATCH --array=1-\d+\n", grade);
        Assert.Contains("--shard \"$SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT\"", grade);
        Assert.Contains($"gradebook.shard-*-of-{Regex.Match(grade, @"--array=1-(\d+)").Groups[1].Value}.json", grade);
        foreach (var script in new[] { "grade.slurm", "merge.slurm" })
        {
            using var bash = Process.Start(new ProcessStartInfo("bash", ["-n", File(script)]) { RedirectStandardError = true })!;
            var error = bash.StandardError.ReadToEnd();
            bash.WaitForExit();
            Assert.True(bash.ExitCode == 0, $"{script}: {error}");
        }
    }
}
