using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Course.Notebooks.Tests.Deploy;

/// <summary>Issue 19: <c>deploy/jupyterhub/</c> checked where no Docker or Kubernetes runs: the Helm values parse, use the
/// image, and size pods from the kernel figures measured by <c>measure_kernel.py</c>; the Dockerfile copies what exists.</summary>
public class JupyterHubDeploymentTests
{
    private static readonly string Folder = Path.Combine(Support.Notebooks.RepoRoot, "deploy", "jupyterhub");

    /// <summary>Top-level keys of the Zero to JupyterHub chart's values that config.yaml may set (a typo would be ignored by Helm).</summary>
    private static readonly string[] ChartKeys = ["hub", "proxy", "singleuser", "scheduling", "prePuller", "cull", "ingress", "debug", "imagePullSecret", "custom"];

    [Fact]
    public void HelmValuesUseTheCourseImageAndOnlyKeysTheChartKnows()
    {
        var values = Values();
        Assert.All(values.Children.Keys, k => Assert.Contains(((YamlScalarNode)k).Value, ChartKeys));
        var image = Map(values, "singleuser", "image");
        Assert.EndsWith("course-singleuser", Scalar(image, "name"));
        Assert.False(string.IsNullOrWhiteSpace(Scalar(image, "tag")));
        Assert.Contains("/opt/course/notebooks", string.Join(' ', ((YamlSequenceNode)Map(values, "singleuser", "lifecycleHooks", "postStart", "exec")["command"]).Select(n => n.ToString())));
    }

    [Fact]
    public void MemoryAndCpuAreSizedFromTheMeasuredKernelFigures()
    {
        // Both measurements: the notebooks' test parameters (short training) and their defaults with training off (full data).
        var runs = new[] { "kernel-figures.json", "kernel-figures-full-data.json" }
            .Select(f => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, f)))!).ToList();
        var stems = Directory.GetFiles(Notebooks.CourseNotebooks.Folder, "*.ipynb").Select(Path.GetFileNameWithoutExtension).ToList();
        foreach (var run in runs)
        {
            var measured = run["notebooks"]!.AsObject();
            Assert.Equal(stems.Order(StringComparer.Ordinal), measured.Select(n => n.Key).Order(StringComparer.Ordinal));   // every notebook
            Assert.All(measured, n => Assert.True(n.Value!["failed"]!.GetValue<string>() == "", $"{n.Key}: {n.Value!["failed"]}"));
        }
        var peaks = stems.Select(s => runs.Max(r => r["notebooks"]![s!]!["peak_rss_mb"]!.GetValue<double>())).OrderDescending().ToList();
        var afterMedian = stems.Select(s => runs.Max(r => r["notebooks"]![s!]!["rss_mb"]!.GetValue<double>())).Order().ElementAt(stems.Count / 2);

        var singleuser = Map(Values(), "singleuser");
        double limitMb = Bytes(Scalar(Map(singleuser, "memory"), "limit")) / (1 << 20), guaranteeMb = Bytes(Scalar(Map(singleuser, "memory"), "guarantee")) / (1 << 20);
        Assert.True(limitMb >= ServerAllowanceMb + peaks[0] + peaks[1],
            $"memory.limit {limitMb:0} MB < server {ServerAllowanceMb} + the two largest kernel peaks {peaks[0]} + {peaks[1]} MB");
        Assert.True(guaranteeMb >= ServerAllowanceMb + afterMedian && guaranteeMb <= limitMb,
            $"memory.guarantee {guaranteeMb:0} MB: below server + a median kernel after its notebook ({ServerAllowanceMb} + {afterMedian} MB) or above the limit");

        var cpuLimit = double.Parse(Scalar(Map(singleuser, "cpu"), "limit"), CultureInfo.InvariantCulture);
        var threads = int.Parse(Scalar(Map(singleuser, "extraEnv"), "COURSE_THREADS"), CultureInfo.InvariantCulture);
        Assert.True(threads <= cpuLimit, $"COURSE_THREADS={threads} libtorch threads per kernel exceed the pod's cpu.limit {cpuLimit}");
    }

    [Fact]
    public void DockerfileCopiesOnlyWhatTheRepositoryHoldsAndInstallsTheKernelSystemWide()
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, "Dockerfile"));
        var copies = lines.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from=", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(copies);
        foreach (var source in copies.SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1]))
            Assert.True(Path.Exists(Path.Combine(Support.Notebooks.RepoRoot, source)), $"Dockerfile copies {source}, which the repository does not hold");
        Assert.Contains(lines, l => l.Contains("apply-native-fix.sh /opt/course/app", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("kernel install --prefix /usr/local", StringComparison.Ordinal));
        using var sh = System.Diagnostics.Process.Start("/bin/sh", ["-n", Path.Combine(Folder, "apply-native-fix.sh")]);   // the script parses
        sh.WaitForExit();
        Assert.Equal(0, sh.ExitCode);
    }

    [Fact]
    public void NativeFixScriptRefusesAFolderWithoutTheCourseInOneLine()
    {
        using var folder = new Support.TempFolder();
        var start = new System.Diagnostics.ProcessStartInfo("/bin/sh", [Path.Combine(Folder, "apply-native-fix.sh"), folder.Path]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var sh = System.Diagnostics.Process.Start(start)!;
        var error = sh.StandardError.ReadToEnd();
        sh.WaitForExit();
        Assert.Equal(2, sh.ExitCode);
        Assert.Equal($"apply-native-fix.sh: {folder.Path}/Course.Cli.dll not found: give the folder of the published course", error.TrimEnd());
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Path));   // nothing written
    }

    /// <summary>What a single-user server (jupyterhub-singleuser) takes besides its kernels, with headroom; measured at 136 and 141 MiB by the hub test.</summary>
    private const double ServerAllowanceMb = 200;

    private static YamlMappingNode Values()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Folder, "config.yaml"));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static YamlMappingNode Map(YamlMappingNode node, params string[] path) =>
        path.Aggregate(node, (n, key) => n.Children.TryGetValue(new YamlScalarNode(key), out var child) && child is YamlMappingNode m
            ? m : throw new KeyNotFoundException($"config.yaml has no mapping {string.Join('.', path)} (stopped at {key})"));

    private static string Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) && child is YamlScalarNode s ? s.Value! : throw new KeyNotFoundException($"config.yaml has no value {key}");

    /// <summary>A Kubernetes quantity (<c>3G</c>, <c>2560Mi</c>) in bytes.</summary>
    private static double Bytes(string quantity)
    {
        string[] binary = ["Ki", "Mi", "Gi"], decimals = ["K", "M", "G"];
        for (var i = 0; i < 3; i++)
        {
            if (quantity.EndsWith(binary[i], StringComparison.Ordinal)) return double.Parse(quantity[..^2], CultureInfo.InvariantCulture) * Math.Pow(1024, i + 1);
            if (quantity.EndsWith(decimals[i], StringComparison.Ordinal)) return double.Parse(quantity[..^1], CultureInfo.InvariantCulture) * Math.Pow(1000, i + 1);
        }
        return double.Parse(quantity, CultureInfo.InvariantCulture);
    }
}
